// POST /omgangar/{id}/oppna — opens a draft round, so that its units see it.
#include "web/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_open(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::open_round(site.store, visit.viewer(), *id);
  return after_change(site, visit, outcome, "/omgangar/" + std::to_string(*id), [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
