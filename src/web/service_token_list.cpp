// GET /admin/api-nycklar — the service tokens on the admin's units and the form for a new one.
#include "web/handlers.h"
#include "web/service_token_pages.h"

namespace uppsikt::web {

http::Response service_token_list(const Site& site, const Visit& visit, const http::Request&) {
  return service_tokens_page(site, visit);
}

}  // namespace uppsikt::web
