// GET /admin/webhooks — the webhooks on the admin's units and the form for a new one.
#include "web/handlers.h"
#include "web/webhook_pages.h"

namespace uppsikt::web {

http::Response webhook_list(const Site& site, const Visit& visit, const http::Request&) {
  return webhooks_page(site, visit);
}

}  // namespace uppsikt::web
