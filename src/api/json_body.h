#pragma once
// The answering services' refusals as problems: the same refusal gives the same problem on
// every API route that saves or decides.
#include <nlohmann/json.hpp>
#include <optional>

#include "http/message.h"
#include "service/answering.h"

namespace uppsikt::api {

// The problem for a refused AnswerOutcome (not for none).
http::Response refused(const service::AnswerOutcome& outcome, const http::Request& request);

// The JSON object in a write's body; nothing when the body is not one. An empty body is an
// empty object.
std::optional<nlohmann::json> json_body(const http::Request& request);

}  // namespace uppsikt::api
