// POST /admin/enheter/{id}/stang — closes the unit.
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response unit_close(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return after_unit_change(site, visit, service::close_unit(site.store, visit.viewer(), *id), *id, AdminForm{});
}

}  // namespace uppsikt::web
