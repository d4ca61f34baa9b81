// GET /admin/personer — the people an admin manages, and the invitation form.
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response person_list(const Site& site, const Visit& visit, const http::Request&) {
  if (!service::is_admin(visit.viewer())) return error_page(site, visit, 404);
  return person_list_page(site, visit);
}

}  // namespace uppsikt::web
