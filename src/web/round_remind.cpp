// POST /omgangar/{id}/paminn — records a reminder to the units not handed in and shows the
// round page again, where their respondents' addresses are ready to copy.
#include "service/status_board.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_remind(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::remind_round(site.store, visit.viewer(), *id);
  const std::string href = "/omgangar/" + std::to_string(*id);
  return after_change(site, visit, outcome, href + "?paminnelse=" + std::to_string(outcome.id) + "#ej-inlamnade",
                      [&](const auto&) { return http::redirect(href); });
}

}  // namespace uppsikt::web
