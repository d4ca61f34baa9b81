// POST /logga-in/saml/{provider}/acs — the assertion consumer: the identity provider's page
// posts SAMLResponse and RelayState here. Signs in and goes to the start page with a new
// session cookie, or shows the sign-in page with why not. Posted from the IdP's site, it
// carries no form token of ours (routes.cpp): the signed answer is checked instead.
#include "http/cookies.h"
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/sign_in_form.h"
#include "web/view.h"

namespace uppsikt::web {

http::Response saml_sign_in_finish(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return error_page(site, visit, 404);
  const auto form = http::parse_form(request);
  const service::SamlPost post{.response = http::form_value(form, "SAMLResponse"),
                               .relay_state = http::form_value(form, "RelayState")};
  auto result = site.external_sign_in->saml_finish(site.store, request.param("provider"), post,
                                                   request.remote_address, visit.session_token);
  if (!result.signed_in) return sign_in_page(site, visit, SignInForm{.form_error = result.message}, 400);
  auto response = http::redirect("/");
  response.headers.emplace_back("Set-Cookie", session_cookie(site, result.token));
  return response;
}

}  // namespace uppsikt::web
