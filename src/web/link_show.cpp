// GET /lank/{token} — a one-time link: the form to set a password, or 404 for a dead link.
#include "web/handlers.h"
#include "web/link_pages.h"

namespace uppsikt::web {

http::Response link_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto holder = service::open_link(site.store, request.param("token"), site.sessions.clock);
  if (!holder) return dead_link_page(site, visit);
  return link_password_page(site, visit, request, *holder, LinkForm{});
}

}  // namespace uppsikt::web
