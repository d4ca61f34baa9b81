// GET /omgangar/{id}/svar/{unit}/exportera/{format} — a unit's report as a file; of the
// report page's filters in the query string, one document (dokument=) and kommentarer=nej apply.
#include "service/report_data.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response response_download(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  auto format = report::format_from_code(request.param("format"));
  if (!round_id || !unit_id || !format) return error_page(site, visit, 404);
  return download(site, visit,
                  service::unit_report(site.store, visit.viewer(), *round_id, *unit_id, report_filter(request)),
                  *format);
}

}  // namespace uppsikt::web
