// POST /omgangar/{id}/paminn — reminds the units not handed in: all of them, or with
// urval=valda the checked ones (enhet=…). With mail, their respondents get the reminder; the
// round page then shows the addresses to copy as before.
#include "service/status_board.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/remind_page.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_remind(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto form = http::parse_form(request);
  std::vector<Id> chosen;
  if (http::form_value(form, "urval") == "valda") {
    chosen = ids_from(form, "enhet");
    if (chosen.empty()) chosen.push_back(0);  // none checked: nothing matches, which is refused
  }
  auto outcome = service::remind_round(site.store, visit.viewer(), *id, chosen);
  const std::string href = "/omgangar/" + std::to_string(*id);
  return after_change(site, visit, outcome, href + "?paminnelse=" + std::to_string(outcome.id) + "#ej-inlamnade",
                      [&](const std::vector<service::FieldError>& errors) {
                        if (outcome.kind == service::Outcome::Kind::conflict) return http::redirect(href);  // not open
                        return remind_page(site, visit, *id, RemindErrors{.units = errors.front().message}, 422);
                      });
}

}  // namespace uppsikt::web
