#pragma once
// The administering services' refusals as problems, the same on every API route that creates:
// "not found" (or outside the caller's units) is 404, anything the input must change is 422
// with the field and the service's Swedish message.
#include <string_view>

#include "http/message.h"
#include "service/one_time_links.h"
#include "service/outcome.h"
#include "service/unit_admin.h"

namespace uppsikt::api {

http::Response refused(const service::Outcome& outcome, std::string_view not_found, const http::Request& request);
http::Response refused(const service::AdminResult& result, std::string_view not_found, const http::Request& request);
http::Response refused(const service::LinkResult& result, const http::Request& request);

}  // namespace uppsikt::api
