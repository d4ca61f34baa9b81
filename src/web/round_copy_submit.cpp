// POST /omgangar/{id}/kopiera — copies the round into a new draft and goes on to its builder;
// a name whose year differs from the year field comes back once to be confirmed (ar-bekraftat=ja).
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_copy_submit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  const auto settings = settings_from(fields);
  // A name that speaks of another year than the year field is asked about once.
  if (auto warning = service::year_warning(settings);
      !warning.empty() && http::form_value(fields, "ar-bekraftat") != "ja")
    return round_copy_page(site, visit, *id, settings, {{"ar", warning}}, 422);
  auto outcome = service::copy_round(site.store, visit.viewer(), *id, settings);
  return after_change(site, visit, outcome, builder_href(outcome.id) + "?" + done_query("kopierad"), [&](const auto& errors) {
    return round_copy_page(site, visit, *id, settings, errors, 422);
  });
}

}  // namespace uppsikt::web
