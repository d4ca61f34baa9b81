// POST /logga-in/saml/{provider}/acs — the assertion consumer: the identity provider's page
// posts SAMLResponse and RelayState here. Posted from the IdP's site, it carries neither a form
// token of ours (routes.cpp) nor our cookies: the signed answer is checked and handed over to
// GET …/klar on our own site, where the browser's cookie shows that it started the sign-in.
#include "http/form.h"
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/sign_in_form.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response saml_answer_accept(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return error_page(site, visit, 404);
  const auto form = http::parse_form(request);
  const service::SamlPost post{.response = http::form_value(form, "SAMLResponse"),
                               .relay_state = http::form_value(form, "RelayState")};
  const std::string provider{request.param("provider")};
  auto result = site.external_sign_in->saml_accept(site.store, provider, post, request.remote_address);
  if (!result.ok()) return sign_in_page(site, visit, SignInForm{.form_error = result.outcome.message()}, 400);
  // The provider is a configured one (saml_accept found it), so its id is safe in a path.
  return http::redirect("/logga-in/saml/" + provider + "/klar?overlamning=" + result.handover);
}

}  // namespace uppsikt::web
