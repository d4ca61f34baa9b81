// GET /logg.csv — the filtered audit trail as CSV for Swedish Excel, every matching row (up to
// service::kAuditExportLimit), whatever page the list showed.
#include "web/audit_pages.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response audit_export(const Site& site, const Visit& visit, const http::Request& request) {
  auto query = audit_query_of(request);
  query.after.clear();
  query.limit = service::kAuditExportLimit;
  auto view = service::audit_view(site.store, visit.viewer(), query);
  if (!view) return error_page(site, visit, 404);
  if (!view->outcome.ok()) return error_page(site, visit, 400);
  http::Response response;
  response.body = service::audit_csv(view->lines);
  response.set_header("Content-Type", "text/csv; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"uppsikt-logg.csv\"");
  response.set_header("Cache-Control", "no-store");
  add_security_headers(response);
  return response;
}

}  // namespace uppsikt::web
