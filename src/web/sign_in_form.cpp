#include "web/sign_in_form.h"

#include "service/external_sign_in.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response sign_in_page(const Site& site, const Visit& visit, const SignInForm& form, int status) {
  nlohmann::json errors = nlohmann::json::array();
  if (!form.form_error.empty()) errors.push_back({{"field", "epost"}, {"message", form.form_error}});
  if (!form.email_error.empty()) errors.push_back({{"field", "epost"}, {"message", form.email_error}});
  if (!form.password_error.empty()) errors.push_back({{"field", "losenord"}, {"message", form.password_error}});
  Page page{.title = "Logga in", .template_name = "sign_in"};
  page.data = {{"csrf", visit.csrf_token},
               {"email", form.email},
               {"epost_error", form.email_error},
               {"losenord_error", form.password_error},
               {"errors", errors},
               {"has_errors", !errors.empty()}};
  nlohmann::json providers = nlohmann::json::array();
  if (site.external_sign_in)
    for (const auto& b : site.external_sign_in->buttons()) providers.push_back({{"action", b.action}, {"label", b.label}});
  page.data["providers"] = providers;
  page.data["has_providers"] = !providers.empty();
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

}  // namespace uppsikt::web
