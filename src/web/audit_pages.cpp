#include "web/audit_pages.h"

#include "web/format.h"

namespace uppsikt::web {

service::AuditQuery audit_query_of(const http::Request& request) {
  auto text = [&request](std::string_view name) { return std::string{request.query_param(name).value_or("")}; };
  return service::AuditQuery{.unit_id = parse_id(text("enhet")), .user_id = parse_id(text("person")),
                             .from = text("fran"), .to = text("till")};
}

std::string audit_query_string(const http::Request& request) {
  const auto q = request.target.find('?');
  return q == std::string::npos ? "" : request.target.substr(q);
}

}  // namespace uppsikt::web
