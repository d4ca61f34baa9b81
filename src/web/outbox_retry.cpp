// POST /admin/utskick/{id}/forsok-igen — queues a failed message again.
#include "service/outbox.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response outbox_retry(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::retry_message(site.store, visit.viewer(), *id);
  if (outcome.kind == service::Outcome::Kind::not_found) return error_page(site, visit, 404);
  return http::redirect("/admin/utskick");  // an already queued or sent message stays as it is
}

}  // namespace uppsikt::web
