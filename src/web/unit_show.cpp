// GET /admin/enheter/{id} — one unit with its rename, move and close forms.
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response unit_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return unit_page(site, visit, *id);
}

}  // namespace uppsikt::web
