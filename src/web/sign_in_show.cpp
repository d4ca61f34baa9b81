// GET /logga-in — the sign-in form.
#include "web/handlers.h"
#include "web/sign_in_form.h"

namespace uppsikt::web {

http::Response sign_in_show(const Site& site, const Visit& visit, const http::Request&) {
  return sign_in_page(site, visit, SignInForm{});
}

}  // namespace uppsikt::web
