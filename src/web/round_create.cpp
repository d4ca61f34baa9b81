// POST /omgangar — creates a draft round and goes on to its builder.
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_create(const Site& site, const Visit& visit, const http::Request& request) {
  const auto form = http::parse_form(request);
  const auto settings = settings_from(form);
  auto outcome = service::create_round(site.store, visit.viewer(), settings, ids_from(form, "enheter"),
                                       ids_from(form, "punkter"));
  return after_change(site, visit, outcome, builder_href(outcome.id), [&](const auto& errors) {
    return round_new_page(site, visit, settings, errors, 422);
  });
}

}  // namespace uppsikt::web
