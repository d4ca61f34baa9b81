// GET /mina-installningar/e-post — the mail the signed-in person gets, and their digest choice.
#include "web/handlers.h"
#include "web/mail_preferences_page.h"

namespace uppsikt::web {

http::Response mail_preferences_show(const Site& site, const Visit& visit, const http::Request& request) {
  return mail_preferences_page(site, visit, request.query_param("sparat").has_value());
}

}  // namespace uppsikt::web
