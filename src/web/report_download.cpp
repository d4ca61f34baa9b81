// GET /omgangar/{id}/rapport/exportera/{format} — the compiled report as a file, with the
// page's filters from the query string.
#include "service/report_data.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response report_download(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto format = report::format_from_code(request.param("format"));
  if (!id || !format) return error_page(site, visit, 404);
  auto filter = report_filter(request);
  filter.listing = service::listing_for(*format);
  return download(site, visit, service::compiled_report(site.store, visit.viewer(), *id, filter), *format);
}

}  // namespace uppsikt::web
