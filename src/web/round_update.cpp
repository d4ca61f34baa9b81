// POST /omgangar/{id}/installningar — saves a round's settings.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_update(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto settings = settings_from(http::parse_form(request));
  auto outcome = service::update_round(site.store, visit.viewer(), *id, settings);
  return after_change(site, visit, outcome, builder_href(*id) + "?" + done_query("installningar"), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422, Posted{.settings = settings});
  });
}

}  // namespace uppsikt::web
