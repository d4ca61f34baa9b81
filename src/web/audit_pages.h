#pragma once
// The audit trail's filter as the page's query string (enhet, person, fran, till) and back.
#include <string>

#include "http/message.h"
#include "service/audit_view.h"

namespace uppsikt::web {

service::AuditQuery audit_query_of(const http::Request& request);
// "?enhet=3&fran=2026-11-01" for the same filter (for the CSV link); "" without one.
std::string audit_query_string(const http::Request& request);

}  // namespace uppsikt::web
