// POST /admin/personer/{id}/losenordslank — makes a link for a new password and shows it once.
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response person_reset(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto person = service::administered_person(site.store, visit.viewer(), *id);
  if (!person) return error_page(site, visit, 404);
  auto result = service::person_reset_link(site.store, visit.viewer(), *id);
  if (!result.ok()) return error_page(site, visit, 404);
  return link_created_page(site, visit, request, person->user.email, result, false);
}

}  // namespace uppsikt::web
