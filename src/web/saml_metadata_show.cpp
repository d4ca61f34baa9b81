// GET /logga-in/saml/{provider}/metadata — Uppsikt's SAML service provider metadata, for the
// identity provider's administrators to load.
#include "service/external_sign_in.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response saml_metadata_show(const Site& site, const Visit& visit, const http::Request& request) {
  if (!site.external_sign_in) return error_page(site, visit, 404);
  auto metadata = site.external_sign_in->saml_metadata(request.param("provider"));
  if (!metadata) return error_page(site, visit, 404);
  auto response = http::text_response(200, *metadata);
  response.set_header("Content-Type", "application/samlmetadata+xml");
  return response;
}

}  // namespace uppsikt::web
