// GET /mina-api-nycklar — the person's own API tokens and the form for a new one.
#include "web/api_token_pages.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response api_token_list(const Site& site, const Visit& visit, const http::Request&) {
  return api_tokens_page(site, visit);
}

}  // namespace uppsikt::web
