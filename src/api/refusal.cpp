#include "api/admin_refusal.h"

#include "api/reply.h"

namespace uppsikt::api {

http::Response refused(const service::Outcome& outcome, std::string_view not_found, const http::Request& request) {
  using Kind = service::Outcome::Kind;
  switch (outcome.kind) {
    case Kind::not_found: return problem(problems::not_found, not_found, request);
    case Kind::not_allowed: return problem(problems::forbidden, outcome.message(), request);
    case Kind::conflict:
    case Kind::unconfirmed: return problem(problems::not_now, outcome.message(), request);
    case Kind::invalid:
    case Kind::done: break;  // done is no refusal: callers ask only after !ok()
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : outcome.errors) list.push_back({{"field", e.field}, {"message", e.message}});
  const std::string detail = outcome.errors.empty() ? "Uppgifterna går inte att spara." : outcome.message();
  return problem(problems::invalid, detail, request, {{"errors", list}});
}

}  // namespace uppsikt::api
