// GET /readyz — 200 when the database answers and is migrated, else 503, for load balancers
// and systemd's operators. The cause goes to the log only: the page is open to anyone.
#include <spdlog/spdlog.h>

#include "service/readiness.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response readiness_show(const Site& site) {
  const auto readiness = service::check_readiness(site.store);
  if (readiness.ready) return http::text_response(200, "ok\n");
  spdlog::warn("not ready: {}", readiness.reason);
  auto response = http::text_response(503, "ej redo\n");
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace uppsikt::web
