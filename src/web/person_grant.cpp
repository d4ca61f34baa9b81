// POST /admin/personer/{id}/roller — gives the person a role on a unit.
#include "http/form.h"
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response person_grant(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  const std::string role = http::form_value(fields, "roll");
  const std::string unit = http::form_value(fields, "enhet");
  auto result = service::grant_person_role(site.store, visit.viewer(), *id, role, parse_id(unit));
  return after_person_change(site, visit, result, *id, AdminForm{.values = {{"roll", role}, {"enhet", unit}}});
}

}  // namespace uppsikt::web
