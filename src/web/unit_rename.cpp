// POST /admin/enheter/{id}/namn — renames the unit.
#include "http/form.h"
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response unit_rename(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const std::string name = http::form_value(http::parse_form(request), "namn");
  auto result = service::rename_unit(site.store, visit.viewer(), *id, name);
  return after_unit_change(site, visit, result, *id, AdminForm{.values = {{"namn", name}}});
}

}  // namespace uppsikt::web
