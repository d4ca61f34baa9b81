// POST /logga-in/oidc/{provider} — sends the visitor on to the identity provider to sign in
// (onward_page.h says why not by a redirect).
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/onward_page.h"
#include "web/sign_in_form.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response external_sign_in_start(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return error_page(site, visit, 404);
  auto started = site.external_sign_in->start(site.store, request.param("provider"), visit.csrf_token,
                                              request.remote_address);
  if (!started.ok()) return sign_in_page(site, visit, SignInForm{.form_error = started.outcome.message()}, 400);
  return onward_page(site, &visit, Onward{.url = started.redirect_url,
                                     .title = "Logga in",
                                     .text = "Du skickas vidare till identitetsleverantören för att logga in."});
}

}  // namespace uppsikt::web
