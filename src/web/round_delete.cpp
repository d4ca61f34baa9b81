// POST /omgangar/{id}/ta-bort — deletes a mistaken draft round and everything in it. Without
// bekrafta=ja it changes nothing and asks first, saying what goes.
#include "service/round_corrections.h"
#include "web/confirm_page.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_delete(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto confirmation = confirmed(request) ? service::Confirmed::yes : service::Confirmed::no;
  auto outcome = service::delete_draft_round(site.store, visit.viewer(), *id, confirmation);
  const std::string base = "/omgangar/" + std::to_string(*id);
  if (outcome.kind == service::Outcome::Kind::unconfirmed) {
    const auto builder = service::round_builder(site.store, visit.viewer(), *id);
    if (!builder) return error_page(site, visit, 404);
    const Round& round = builder->round;
    return confirm_page(site, visit, {.title = "Ta bort " + round.name + "?",
                                      .crumbs = {{"Uppföljningar", "/"}, {round.name, base}, {"Ta bort", ""}},
                                      .consequences = outcome.consequences,
                                      .action = base + "/ta-bort",
                                      .button = "Ja, ta bort utkastet",
                                      .cancel_href = builder_href(*id)});
  }
  return after_change(site, visit, outcome, "/?" + done_query("borttagen"), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
