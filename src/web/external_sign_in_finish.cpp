// GET /logga-in/oidc?state=…&code=… — where the identity provider sends the person back:
// signs in and goes to the start page with a new session cookie, or shows the sign-in page
// with why not.
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/sign_in_form.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response external_sign_in_finish(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return error_page(site, visit, 404);
  const service::ExternalAnswer answer{.state = std::string{request.query_param("state").value_or("")},
                                       .code = std::string{request.query_param("code").value_or("")},
                                       .error = std::string{request.query_param("error").value_or("")},
                                       .issuer = std::string{request.query_param("iss").value_or("")}};
  auto result = site.external_sign_in->finish(site.store, answer, visit.csrf_token, request.remote_address,
                                              visit.session_token);
  if (!result.ok()) return sign_in_page(site, visit, SignInForm{.form_error = result.outcome.message()}, 400);
  auto response = http::redirect("/");
  response.headers.emplace_back("Set-Cookie", session_cookie(site, result.token));
  return response;
}

}  // namespace uppsikt::web
