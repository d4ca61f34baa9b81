#include "api/admin_refusal.h"

#include <vector>

#include "api/reply.h"

namespace uppsikt::api {
namespace {

http::Response invalid(const std::vector<service::FieldError>& errors, const http::Request& request) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
  const std::string detail = errors.empty() ? "Uppgifterna går inte att spara." : errors.front().message;
  return problem(problems::invalid, detail, request, {{"errors", list}});
}

}  // namespace

http::Response refused(const service::Outcome& outcome, std::string_view not_found, const http::Request& request) {
  if (outcome.kind == service::Outcome::Kind::not_found) return problem(problems::not_found, not_found, request);
  return invalid(outcome.errors, request);
}

http::Response refused(const service::AdminResult& result, std::string_view not_found, const http::Request& request) {
  if (result.not_found) return problem(problems::not_found, not_found, request);
  return invalid({{result.field, result.error}}, request);
}

http::Response refused(const service::LinkResult& result, const http::Request& request) {
  return invalid({{result.field, result.error}}, request);
}

}  // namespace uppsikt::api
