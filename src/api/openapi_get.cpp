// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (docs/openapi.json, compiled in).
#include "api/handlers.h"
#include "api/openapi_document.h"
#include "api/reply.h"

namespace uppsikt::api {

http::Response openapi_get(const ApiSite&, const Call&, const http::Request&) {
  http::Response response{.status = 200, .headers = {}, .body = std::string(openapi_document())};
  response.set_header("Content-Type", "application/json");
  response.set_header("Cache-Control", "public, no-cache");
  return response;
}

}  // namespace uppsikt::api
