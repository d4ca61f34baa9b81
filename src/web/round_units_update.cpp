// POST /omgangar/{id}/enheter — the units that take part in a draft round.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_units_update(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::set_round_units(site.store, visit.viewer(), *id, ids_from(http::parse_form(request), "enheter"));
  return after_change(site, visit, outcome, builder_href(*id) + "?" + done_query("enheter"), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
