// POST /omgangar/{id}/kopiera — copies the round into a new draft and goes on to its builder.
#include "web/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_copy_submit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto settings = settings_from(http::parse_form(request));
  auto outcome = service::copy_round(site.store, visit.viewer(), *id, settings);
  return after_change(site, visit, outcome, builder_href(outcome.id), [&](const auto& errors) {
    return round_copy_page(site, visit, *id, settings, errors, 422);
  });
}

}  // namespace uppsikt::web
