// POST /admin/webhooks/{id}/ta-bort — removes a webhook on one of the admin's units.
#include "service/webhooks.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response webhook_remove(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id || !service::remove_webhook(site.store, visit.viewer(), *id).ok()) return error_page(site, visit, 404);
  return http::redirect("/admin/webhooks");
}

}  // namespace uppsikt::web
