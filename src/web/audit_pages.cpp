#include "web/audit_pages.h"

#include "web/infra/format.h"

namespace uppsikt::web {

service::AuditQuery audit_query_of(const http::Request& request) {
  auto text = [&request](std::string_view name) { return std::string{request.query_param(name).value_or("")}; };
  return service::AuditQuery{.unit_id = parse_id(text("enhet")), .user_id = parse_id(text("person")),
                             .from = text("fran"), .to = text("till"), .after = text("fore")};
}

std::string audit_query_string(const service::AuditQuery& query, const std::string& after) {
  std::string out;
  auto add = [&out](const char* name, const std::string& value) {
    if (!value.empty()) out += (out.empty() ? "?" : "&") + std::string{name} + "=" + query_escape(value);
  };
  add("enhet", query.unit_id ? std::to_string(*query.unit_id) : "");
  add("person", query.user_id ? std::to_string(*query.user_id) : "");
  add("fran", query.from);
  add("till", query.to);
  add("fore", after);
  return out;
}

}  // namespace uppsikt::web
