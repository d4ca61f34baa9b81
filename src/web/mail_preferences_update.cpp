// POST /mina-installningar/e-post — saves the person's digest choice (sammanfattning=off|daily|
// weekly), then back to the page with a notice; a refused choice shows the page with its error.
#include "http/form.h"
#include "service/mail_preferences.h"
#include "web/handlers.h"
#include "web/mail_preferences_page.h"

namespace uppsikt::web {

http::Response mail_preferences_update(const Site& site, const Visit& visit, const http::Request& request) {
  const auto form = http::parse_form(request);
  auto outcome = service::set_digest_frequency(site.store, visit.viewer(), http::form_value(form, "sammanfattning"));
  if (!outcome.ok()) return mail_preferences_page(site, visit, false, outcome.errors, 422);
  return http::redirect(std::string(kMailPreferencesPath) + "?sparat=1");
}

}  // namespace uppsikt::web
