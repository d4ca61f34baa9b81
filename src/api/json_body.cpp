#include "api/json_body.h"

namespace uppsikt::api {

std::optional<nlohmann::json> json_body(const http::Request& request) {
  if (request.body.empty()) return nlohmann::json::object();
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  return body;
}

}  // namespace uppsikt::api
