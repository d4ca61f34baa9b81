// POST /admin/api-nycklar — makes a service token and shows it this once (no redirect: the page
// after a redirect could not show it); errors show the form again.
#include "core/role.h"
#include "http/form.h"
#include "service/api_tokens.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/service_token_pages.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response service_token_create(const Site& site, const Visit& visit, const http::Request& request) {
  const auto fields = http::parse_form(request);
  ServiceTokenForm form{.name = http::form_value(fields, "namn"),
                        .role = http::form_value(fields, "roll"),
                        .unit = http::form_value(fields, "enhet"),
                        .write = http::form_value(fields, "behorighet") == "andra",
                        .days = http::form_value(fields, "dagar")};
  const auto role = role_from_code(form.role);
  const service::NewServiceToken wanted{.name = form.name,
                                        .role = role.value_or(Role::admin),  // refused by name ("roll")
                                        .unit_id = parse_id(form.unit).value_or(0),
                                        .can_write = form.write,
                                        .days = parse_days(form.days)};
  auto made = service::create_service_token(site.store, visit.viewer(), wanted);
  if (made.outcome.kind == service::Outcome::Kind::not_found) return error_page(site, visit, 404);
  if (!made.outcome.ok()) {
    form.errors = made.outcome.errors;
    return service_tokens_page(site, visit, form, 422);
  }
  form.new_token = made.token;
  return service_tokens_page(site, visit, form);
}

}  // namespace uppsikt::web
