#pragma once
// What every page handler needs: the store behind the services, the static assets whose
// hashed names the layout links, and how sessions behave. Built once by `uppsikt serve`.
#include "http/static_files.h"
#include "service/sessions.h"
#include "store/store.h"

namespace uppsikt::service {
class ExternalSignIn;  // service/external_sign_in.h, for the handlers that sign in through it
}

namespace uppsikt::web {

struct Site {
  store::Store& store;
  const http::StaticFiles& assets;
  // Expiry and throttling of sign-in sessions (defaults: idle 30 min, absolute 12 h).
  service::SessionOptions sessions{};
  // Behind TLS: cookies get the __Host- prefix and Secure, and every response HSTS.
  bool secure_cookies = false;
  // Sign-in through the organisation's identity providers; none when not configured.
  service::ExternalSignIn* external_sign_in = nullptr;
};

}  // namespace uppsikt::web
