// POST /logga-ut — ends the session on the server and forgets the cookie; a session begun at
// an identity provider goes on to the provider's sign-out (from a page that moves on:
// onward_page.h), which sends the person back to the sign-in page.
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/onward_page.h"

namespace uppsikt::web {

http::Response sign_out_submit(const Site& site, const Visit& visit, const http::Request& request) {
  // Asked first: a SAML LogoutRequest is made from what the session keeps.
  std::string provider_url;
  if (site.external_sign_in && !visit.signed_in->provider.empty())
    provider_url = site.external_sign_in->sign_out_url(site.store, visit.signed_in->provider, visit.session_token);
  service::sign_out(site.store, visit.session_token,
                    service::Actor{visit.viewer().user_id, request.remote_address});
  auto response = provider_url.empty()
                      ? http::redirect("/logga-in")
                      : onward_page(site, nullptr,
                                    Onward{.url = provider_url,
                                           .title = "Du är utloggad",
                                           .text = "Du är utloggad från Uppsikt och skickas vidare till "
                                                   "identitetsleverantören för att logga ut där också."});
  response.headers.emplace_back("Set-Cookie", expired_session_cookie(site));
  return response;
}

}  // namespace uppsikt::web
