// POST /omgangar/{id}/enheter/lagg-till — one more unit answers a draft or open round.
#include "service/round_corrections.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_unit_add(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto unit = parse_id(http::form_value(http::parse_form(request), "enhet"));
  auto outcome = service::add_round_unit(site.store, visit.viewer(), *id, unit.value_or(0));
  return after_change(site, visit, outcome, "/omgangar/" + std::to_string(*id) + "?" + done_query("enhet-tillagd"),
                      [&](const auto& errors) { return round_builder_page(site, visit, *id, errors, 422); });
}

}  // namespace uppsikt::web
