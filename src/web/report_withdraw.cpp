// POST /omgangar/{id}/rapport/avpublicera — withdraws the round's published compiled report;
// its public address answers 404 afterwards.
#include "service/report_publishing.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_page.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response report_withdraw(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::withdraw_report(site.store, visit.viewer(), *id);
  return after_change(site, visit, outcome, "/omgangar/" + std::to_string(*id) + "/rapport#publicera",
                      [&](const auto& errors) { return report_page(site, visit, request, *id, errors, 422); });
}

}  // namespace uppsikt::web
