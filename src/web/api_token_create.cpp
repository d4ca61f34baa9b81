// POST /mina-api-nycklar — makes a token for the person and shows it this once (no redirect:
// the page after a redirect could not show it); errors show the form again.
#include "http/form.h"
#include "service/api_tokens.h"
#include "web/api_token_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response api_token_create(const Site& site, const Visit& visit, const http::Request& request) {
  const auto fields = http::parse_form(request);
  TokenForm form{.name = http::form_value(fields, "namn"),
                 .write = http::form_value(fields, "behorighet") == "andra",
                 .days = http::form_value(fields, "dagar")};
  auto made = service::create_api_token(site.store, visit.viewer(),
                                        {.name = form.name, .can_write = form.write, .days = parse_days(form.days)});
  if (!made.outcome.ok()) {
    form.errors = made.outcome.errors;
    return api_tokens_page(site, visit, form, 422);
  }
  form.new_token = made.token;
  return api_tokens_page(site, visit, form);
}

}  // namespace uppsikt::web
