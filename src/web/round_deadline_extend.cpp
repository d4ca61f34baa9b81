// POST /omgangar/{id}/forlang — gives one unit of an open round its own later deadline (or,
// with an empty date, the round's again).
#include "service/round_corrections.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_deadline_extend(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto form = http::parse_form(request);
  const auto unit = parse_id(http::form_value(form, "enhet"));
  auto outcome = service::extend_deadline(site.store, visit.viewer(), *id, unit.value_or(0),
                                          http::form_value(form, "sista-svarsdag"));
  return after_change(site, visit, outcome, "/omgangar/" + std::to_string(*id) + "?" + done_query("forlangd"),
                      [&](const auto& errors) { return round_builder_page(site, visit, *id, errors, 422); });
}

}  // namespace uppsikt::web
