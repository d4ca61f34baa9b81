#include "service/readiness.h"

#include <fmt/format.h>

namespace uppsikt::service {

Readiness check_readiness(store::Store& store) {
  try {
    const int version = store.schema_version();  // a round trip to the database
    const int latest = store::latest_schema_version();
    if (version != latest) return {false, fmt::format("database schema at version {}, this program needs {}", version, latest)};
    return {true, {}};
  } catch (const std::exception& e) {
    return {false, std::string("database unreachable: ") + e.what()};
  }
}

}  // namespace uppsikt::service
