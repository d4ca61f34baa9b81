// GET /logga-in/saml/{provider}/slo?SAMLResponse=…|SAMLRequest=… — SAML single logout
// (HTTP-Redirect): the IdP's answer to our LogoutRequest, or its own request when the person
// signed out elsewhere, which ends this browser's session. Goes on to the IdP's response or
// the sign-in page. Without a configured provider there is nothing to end: the sign-in page.
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

http::Response saml_logout_answer(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return http::redirect("/logga-in");
  const auto question = request.target.find('?');
  const std::string query = question == std::string::npos ? "" : request.target.substr(question + 1);
  const auto logout = site.external_sign_in->saml_logout(site.store, request.param("provider"), query,
                                                         visit.session_token, request.remote_address);
  auto response = http::redirect(logout.redirect_url);
  if (logout.signed_out) response.headers.emplace_back("Set-Cookie", expired_session_cookie(site));
  return response;
}

}  // namespace uppsikt::web
