// GET /api/v1/rounds/{id}/responses — the round's responses the token's owner may see: status,
// answered of required questions, latest change; filtered by status and time of change, by
// unit id, a page at a time.
#include <algorithm>

#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"

namespace uppsikt::api {

http::Response responses_list(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  auto page = page_of(request);
  if (!page) return problem(problems::bad_request, "cursor och limit ska vara tal (limit 1–500).", request);
  service::UnitFilter filter;
  if (auto status = request.query_param("status")) {
    filter.status = response_status_from_code(*status);
    if (!filter.status)
      return problem(problems::bad_request,
                     "status ska vara not_started, draft, submitted, returned eller approved.", request);
  }
  std::optional<service::RoundView> view;
  if (round_id) view = service::round_view(site.store, call.viewer(), *round_id, service::UnitSort::name, false, filter);
  if (!view) return problem(problems::not_found, "Omgången finns inte, eller så ser du den inte.", request);
  auto& rows = view->units;
  if (auto since = request.query_param("changed_since"))  // ISO times compare as text
    std::erase_if(rows, [&](const service::UnitRow& row) { return row.updated_at < *since; });
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.unit.id < b.unit.id; });
  return json_reply(200, page_json(
                             rows, *page, [](const service::UnitRow& row) { return row.unit.id; },
                             [&](const service::UnitRow& row) { return response_row_json(*round_id, row); }));
}

}  // namespace uppsikt::api
