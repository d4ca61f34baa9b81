// POST /admin/personer — adds a person with a role and shows their invitation link once.
#include "http/form.h"
#include "service/sessions.h"
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/outcome_response.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response person_invite(const Site& site, const Visit& visit, const http::Request& request) {
  if (!service::is_admin(visit.viewer())) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  AdminForm form{.values = {{"namn", http::form_value(fields, "namn")},
                            {"epost", http::form_value(fields, "epost")},
                            {"roll", http::form_value(fields, "roll")},
                            {"enhet", http::form_value(fields, "enhet")}}};
  auto result = service::invite_person(
      site.store, visit.viewer(),
      service::PersonInput{.email = http::form_value(fields, "epost"), .name = http::form_value(fields, "namn"),
                           .role = http::form_value(fields, "roll"), .unit_id = parse_id(http::form_value(fields, "enhet"))});
  if (result.ok()) return link_created_page(site, visit, request, service::normal_email(http::form_value(fields, "epost")), result, true);
  form.errors = result.outcome.errors;
  return person_list_page(site, visit, form, refusal_status(result.outcome.kind));
}

}  // namespace uppsikt::web
