// GET /omgangar/{id}/svar/{unit} — a unit's answers to a round, laid out like the follow-up
// document it replaces: a form for those who may answer now, the read view for others, with
// the approval and return forms for those who may use them and the response's history.
#include "service/answering_view.h"
#include "web/answering_page.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

// The message after a redirect from a POST: "?sparat=10.42" or "?klart=inlamnat".
std::string saved_or_done(const http::Request& request) {
  if (auto at = request.query_param("sparat"))
    return *at == "0" ? "Inget behövde sparas." : "Sparat " + std::string(*at) + ".";
  return web::notice_of(request);
}

}  // namespace

http::Response response_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  auto view = round_id && unit_id ? service::answering_view(site.store, visit.viewer(), *round_id, *unit_id)
                                  : std::nullopt;
  if (!view) return error_page(site, visit, 404);
  AnsweringState state{.notice = saved_or_done(request),
                       .notice_anchor = std::string(request.query_param("till").value_or(""))};
  return answering_page(site, visit, *view, state);
}

}  // namespace uppsikt::web
