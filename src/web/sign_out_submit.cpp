// POST /logga-ut — ends the session on the server and forgets the cookie.
#include "web/handlers.h"

namespace uppsikt::web {

http::Response sign_out_submit(const Site& site, const Visit& visit, const http::Request& request) {
  service::sign_out(site.store, visit.session_token,
                    service::Actor{visit.viewer().user_id, request.remote_address});
  auto response = http::redirect("/logga-in");
  response.headers.emplace_back("Set-Cookie", expired_session_cookie(site));
  return response;
}

}  // namespace uppsikt::web
