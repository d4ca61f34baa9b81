// POST /admin/webhooks — registers a webhook and shows its signing key this once (no
// redirect: the page after a redirect could not show it); errors show the form again.
#include "core/text.h"
#include "http/form.h"
#include "service/webhooks.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"
#include "web/webhook_pages.h"

namespace uppsikt::web {

http::Response webhook_create(const Site& site, const Visit& visit, const http::Request& request) {
  const auto fields = http::parse_form(request);
  WebhookForm form{.url = std::string(trim(http::form_value(fields, "adress"))), .unit = http::form_value(fields, "enhet")};
  for (const auto& [name, value] : fields)
    if (name == "handelser") form.events.push_back(value);
  auto made = service::register_webhook(site.store, visit.viewer(),
                                        {.url = form.url, .events = form.events, .unit_id = parse_id(form.unit)});
  if (made.outcome.kind == service::Outcome::Kind::not_found) return error_page(site, visit, 404);
  if (!made.outcome.ok()) {
    form.errors = made.outcome.errors;
    return webhooks_page(site, visit, form, 422);
  }
  form.new_secret = made.secret;
  return webhooks_page(site, visit, form);
}

}  // namespace uppsikt::web
