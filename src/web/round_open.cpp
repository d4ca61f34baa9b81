// POST /omgangar/{id}/oppna — opens a draft round, so that its units see it; bekrafta=ja
// confirms opening although a question reaches none of its units.
#include "http/cookies.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_open(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const bool confirmed = http::form_value(http::parse_form(request), "bekrafta") == "ja";
  auto outcome = service::open_round(site.store, visit.viewer(), *id, confirmed);
  return after_change(site, visit, outcome, "/omgangar/" + std::to_string(*id), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
