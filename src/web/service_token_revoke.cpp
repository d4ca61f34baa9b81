// POST /admin/api-nycklar/{id}/aterkalla — revokes a service token on one of the admin's units.
#include "service/api_tokens.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response service_token_revoke(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id || !service::revoke_service_token(site.store, visit.viewer(), *id).ok()) return error_page(site, visit, 404);
  return http::redirect("/admin/api-nycklar");
}

}  // namespace uppsikt::web
