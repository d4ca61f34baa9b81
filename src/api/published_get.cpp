// GET /api/v1/published/{id} — a published compiled report (docs/report.schema.json), open to
// anyone without a token: the whole organisation, comments only if published with them.
#include "api/handlers.h"
#include "api/reply.h"
#include "report/json_renderer.h"
#include "service/report_publishing.h"

namespace uppsikt::api {

http::Response published_get(const ApiSite& site, const Call&, const http::Request& request) {
  auto round_id = id_param(request, "id");
  auto report = round_id ? service::published_report(site.store, *round_id, service::UnitListing::always) : std::nullopt;
  if (!report) return problem(problems::not_found, "Det finns ingen publicerad rapport med det numret.", request);
  http::Response response{.status = 200, .headers = {}, .body = report::render_json(*report)};
  response.set_header("Content-Type", "application/json");
  response.set_header("Cache-Control", "public, no-cache");
  return response;
}

}  // namespace uppsikt::api
