#pragma once
// The web application: one route table for every page, and the request handler the server
// calls (static files, health check, pages, error pages).
#include "http/router.h"
#include "http/server.h"
#include "web/infra/site.h"

namespace uppsikt::web {

void add_routes(http::Router& router, const Site& site);

// The handler for http::Server: routes, answers 404/405 with Swedish pages, serves
// /static/ and /healthz. `site` must outlive the handler.
http::RequestHandler make_handler(const Site& site);
http::ErrorRenderer make_error_renderer(const Site& site);

// Headers that depend on how the server is reached: HSTS when behind TLS (--secure-cookies).
void add_transport_headers(const Site& site, http::Response& response);

}  // namespace uppsikt::web
