#pragma once
// A service's refusal (service/outcome.h) as a problem, the same on every API route that
// creates, changes, answers or decides: not found 404 (`not_found` says what is missing), not
// allowed 403, conflict and unconfirmed 409, invalid 422 with each field and its Swedish
// message (an answer's field as its question and choice, comment or message).
#include <string>
#include <string_view>

#include "http/message.h"
#include "service/outcome.h"

namespace uppsikt::api {

http::Response refused(const service::Outcome& outcome, std::string_view not_found, const http::Request& request);

// A field as a service names it (the pages' form field, Swedish), as the API calls it: the
// member of the body or the query parameter the caller sent.
std::string body_member(const std::string& field);

}  // namespace uppsikt::api
