// GET /logga-in/saml/{provider}/klar?overlamning=… — where the assertion consumer sends the
// browser with the checked answer's handover: on our own site, so its cookies come along and
// show whether this browser started the sign-in. Signs in and goes to the start page with a
// new session cookie, or shows the sign-in page with why not.
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/sign_in_form.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response saml_sign_in_finish(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return error_page(site, visit, 404);
  const std::string handover{request.query_param("overlamning").value_or("")};
  auto result = site.external_sign_in->saml_finish(site.store, request.param("provider"), handover,
                                                   visit.csrf_token, request.remote_address, visit.session_token);
  if (!result.ok()) return sign_in_page(site, visit, SignInForm{.form_error = result.outcome.message()}, 400);
  auto response = http::redirect("/");
  response.headers.emplace_back("Set-Cookie", session_cookie(site, result.token));
  return response;
}

}  // namespace uppsikt::web
