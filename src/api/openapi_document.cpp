#include "api/openapi_document.h"

#include <stdexcept>

#include "core/embedded.h"

namespace uppsikt::api {

std::string_view openapi_document() {
  static const std::string_view document = [] {
    auto found = embedded::find("openapi.json");
    if (!found) throw std::logic_error("api: docs/openapi.json was not compiled in");
    return *found;
  }();
  return document;
}

}  // namespace uppsikt::api
