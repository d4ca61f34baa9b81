// POST /admin/enheter — creates a unit and shows it; errors show the form again.
#include "http/form.h"
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/outcome_response.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response unit_create(const Site& site, const Visit& visit, const http::Request& request) {
  if (!service::is_admin(visit.viewer())) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  AdminForm form{.values = {{"namn", http::form_value(fields, "namn")},
                            {"slag", http::form_value(fields, "slag")},
                            {"overordnad", http::form_value(fields, "overordnad")}}};
  auto result = service::create_unit(
      site.store, visit.viewer(),
      service::UnitInput{.name = http::form_value(fields, "namn"), .kind = http::form_value(fields, "slag"),
                         .parent_id = parse_id(http::form_value(fields, "overordnad"))});
  return after_change(site, visit, result, "/admin/enheter/" + std::to_string(result.id), [&](const auto& errors) {
    form.errors = errors;
    return unit_list_page(site, visit, form);
  });
}

}  // namespace uppsikt::web
