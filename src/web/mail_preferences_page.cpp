#include "web/mail_preferences_page.h"

#include "service/mail_preferences.h"
#include "web/infra/form_errors.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response mail_preferences_page(const Site& site, const Visit& visit, bool saved,
                                     const std::vector<service::FieldError>& errors, int status) {
  const auto choices = service::mail_choices(site.store, visit.viewer());
  nlohmann::json options = nlohmann::json::array();
  for (auto frequency : {DigestFrequency::off, DigestFrequency::daily, DigestFrequency::weekly}) {
    const std::string code{to_code(frequency)};
    options.push_back({{"code", code},
                       {"id", frequency == DigestFrequency::off ? "sammanfattning" : "sammanfattning-" + code},
                       {"label", label(frequency)},
                       {"checked", frequency == choices.digest}});
  }
  Page page{.title = "E-postinställningar", .template_name = "mail_preferences"};
  page.crumbs = {{"Start", "/"}, {"E-postinställningar", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"email", choices.email},        {"mail_on", choices.mail_on},
               {"saved", saved},          {"digest_offered", choices.digest_offered},
               {"options", options},      {"action", kMailPreferencesPath}};
  for (const auto& error : errors) add_form_error(page.data, error.field, error.message, "sammanfattning");
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

}  // namespace uppsikt::web
