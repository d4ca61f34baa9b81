// GET /api/v1/rounds/{id}/report — the round's compiled report as numbers and rows, the same
// document as the page's JSON download (docs/report.schema.json), over the units the token's
// owner may see. Only handed-in responses count.
#include "api/handlers.h"
#include "api/reply.h"
#include "report/json_renderer.h"
#include "service/report_data.h"

namespace uppsikt::api {

http::Response report_get(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  service::ReportFilter filter{.listing = service::UnitListing::always};
  std::optional<report::CompiledReport> report;
  if (round_id) report = service::compiled_report(site.store, call.viewer(), *round_id, filter);
  if (!report)
    return problem(problems::not_found, "Omgången finns inte, eller så får du inte läsa dess sammanställning.", request);
  http::Response response{.status = 200, .headers = {}, .body = report::render_json(*report)};
  response.set_header("Content-Type", "application/json");
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace uppsikt::api
