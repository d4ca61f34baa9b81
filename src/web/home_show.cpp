// GET / — the follow-up rounds with how far each has come, the archived ones apart.
#include "web/handlers.h"
#include "web/round_list_page.h"

namespace uppsikt::web {

http::Response home_show(const Site& site, const Visit& visit, const http::Request& request) {
  return round_list_page(site, visit, request, false);
}

}  // namespace uppsikt::web
