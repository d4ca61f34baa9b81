#pragma once
// The audit trail's filter as the page's query string (enhet, person, fran, till, and fore for
// the page after a row) and back.
#include <string>

#include "http/message.h"
#include "service/audit_view.h"

namespace uppsikt::web {

service::AuditQuery audit_query_of(const http::Request& request);
// "?enhet=3&fran=2026-11-01" for the same filter, and "&fore=…" when `after` is given (the
// next page's link); "" without either.
std::string audit_query_string(const service::AuditQuery& query, const std::string& after = "");

}  // namespace uppsikt::web
