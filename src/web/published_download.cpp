// GET /publicerat/{id}/exportera/{format} — a published compiled report as a file, for anyone.
#include "report/report_error.h"
#include "service/report_publishing.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/view.h"

namespace uppsikt::web {

http::Response published_download(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto format = report::format_from_code(request.param("format"));
  auto report = id && format ? service::published_report(site.store, *id) : std::nullopt;
  if (!report) return error_page(site, visit, 404);
  try {
    return download_response(report::export_report(*report, *format));
  } catch (const report::ReportError& e) {
    return export_unavailable(site, visit, e.what());
  }
}

}  // namespace uppsikt::web
