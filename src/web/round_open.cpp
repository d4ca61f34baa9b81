// POST /omgangar/{id}/oppna — opens a draft round, so that its units see it. Without
// bekrafta=ja it changes nothing and asks first, saying what opening does (a question that
// reaches none of the round's units among it).
#include "web/confirm_page.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_open(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto confirmation = confirmed(request) ? service::Confirmed::yes : service::Confirmed::no;
  auto outcome = service::open_round(site.store, visit.viewer(), *id, confirmation);
  const std::string base = "/omgangar/" + std::to_string(*id);
  if (outcome.kind == service::Outcome::Kind::unconfirmed) {
    const auto builder = service::round_builder(site.store, visit.viewer(), *id);
    if (!builder) return error_page(site, visit, 404);
    const Round& round = builder->round;
    return confirm_page(site, visit, {.title = "Öppna " + round.name + "?",
                                      .crumbs = {{"Uppföljningar", "/"}, {round.name, base}, {"Öppna", ""}},
                                      .consequences = outcome.consequences,
                                      .action = base + "/oppna",
                                      .button = "Ja, öppna omgången",
                                      .cancel_href = builder_href(*id)});
  }
  return after_change(site, visit, outcome, base + "?" + done_query("oppnad"), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
