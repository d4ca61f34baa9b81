#pragma once
// The JSON object in a write's body, before its members are read (api/body_fields.h).
#include <nlohmann/json.hpp>
#include <optional>

#include "http/message.h"

namespace uppsikt::api {

// The body as a JSON object; nothing when it is not one. An empty body is an empty object.
std::optional<nlohmann::json> json_body(const http::Request& request);

}  // namespace uppsikt::api
