// POST /logga-ut — ends the session on the server and forgets the cookie; a session begun at
// an identity provider goes on to the provider's sign-out, which sends the person back to
// the sign-in page.
#include "service/external_sign_in.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response sign_out_submit(const Site& site, const Visit& visit, const http::Request& request) {
  service::sign_out(site.store, visit.session_token,
                    service::Actor{visit.viewer().user_id, request.remote_address});
  std::string next = "/logga-in";
  if (site.external_sign_in && !visit.signed_in->provider.empty()) {
    if (auto url = site.external_sign_in->sign_out_url(visit.signed_in->provider); !url.empty()) next = url;
  }
  auto response = http::redirect(next);
  response.headers.emplace_back("Set-Cookie", expired_session_cookie(site));
  return response;
}

}  // namespace uppsikt::web
