// POST /omgangar/{id}/stang — closes an open round; no answer changes after that. Without
// bekrafta=ja it changes nothing and asks first, saying how many have not handed in.
#include "web/confirm_page.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_close(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto confirmation = confirmed(request) ? service::Confirmed::yes : service::Confirmed::no;
  auto outcome = service::close_round(site.store, visit.viewer(), *id, confirmation);
  const std::string base = "/omgangar/" + std::to_string(*id);
  if (outcome.kind == service::Outcome::Kind::unconfirmed) {
    const auto builder = service::round_builder(site.store, visit.viewer(), *id);
    if (!builder) return error_page(site, visit, 404);
    const Round& round = builder->round;
    return confirm_page(site, visit, {.title = "Stäng " + round.name + "?",
                                      .crumbs = {{"Uppföljningar", "/"}, {round.name, base}, {"Stäng", ""}},
                                      .consequences = outcome.consequences,
                                      .action = base + "/stang",
                                      .button = "Ja, stäng omgången",
                                      .cancel_href = base});
  }
  return after_change(site, visit, outcome, base + "?" + done_query("stangd"), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
