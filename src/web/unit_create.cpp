// POST /admin/enheter — creates a unit and shows it; errors show the form again.
#include "http/form.h"
#include "web/admin_pages.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/outcome_response.h"
#include "web/view.h"

namespace uppsikt::web {

http::Response unit_create(const Site& site, const Visit& visit, const http::Request& request) {
  if (!service::is_admin(visit.viewer())) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  AdminForm form{.values = {{"name", http::form_value(fields, "name")},
                            {"kind", http::form_value(fields, "kind")},
                            {"parent", http::form_value(fields, "parent")}}};
  auto result = service::create_unit(
      site.store, visit.viewer(),
      service::UnitInput{.name = http::form_value(fields, "name"), .kind = http::form_value(fields, "kind"),
                         .parent_id = parse_id(http::form_value(fields, "parent"))});
  return after_change(site, visit, result, "/admin/enheter/" + std::to_string(result.id), [&](const auto& errors) {
    form.errors = errors;
    return unit_list_page(site, visit, form);
  });
}

}  // namespace uppsikt::web
