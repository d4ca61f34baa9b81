// POST /admin/personer/{id}/stang-av — the person can no longer sign in.
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response person_deactivate(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return after_person_change(site, visit, service::deactivate_person(site.store, visit.viewer(), *id), *id,
                             AdminForm{});
}

}  // namespace uppsikt::web
