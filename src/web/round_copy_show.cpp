// GET /omgangar/{id}/kopiera — the settings of a copy of the round, a year on.
#include "service/round_admin.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_copy_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto builder = id ? service::round_builder(site.store, visit.viewer(), *id) : std::nullopt;
  if (!builder) return error_page(site, visit, 404);
  return round_copy_page(site, visit, *id, next_year_settings(builder->round));
}

}  // namespace uppsikt::web
