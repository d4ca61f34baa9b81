// POST /admin/personer/{id}/roller/ta-bort — takes a role on a unit away.
#include "http/form.h"
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response person_revoke(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  auto result = service::revoke_person_role(site.store, visit.viewer(), *id, http::form_value(fields, "roll"),
                                            parse_id(http::form_value(fields, "enhet")));
  return after_person_change(site, visit, result, *id, AdminForm{});
}

}  // namespace uppsikt::web
