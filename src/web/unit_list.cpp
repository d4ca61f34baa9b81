// GET /admin/enheter — the units an admin administers, and the form for a new one.
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response unit_list(const Site& site, const Visit& visit, const http::Request&) {
  if (!service::is_admin(visit.viewer())) return error_page(site, visit, 404);
  return unit_list_page(site, visit);
}

}  // namespace uppsikt::web
