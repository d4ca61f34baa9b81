#pragma once
// The JSON API under /api/v1 (and its description at /api): the same services as the pages,
// reached with a personal access token (`Authorization: Bearer …`) instead of a session.
// make_handler answers the paths under /api and hands every other request to the pages.
#include <chrono>
#include <string>

#include "http/message.h"
#include "http/router.h"
#include "http/server.h"
#include "service/clock.h"
#include "store/store.h"

namespace uppsikt::api {

struct ApiOptions {
  // Requests one token may make per minute, on each server process; more get 429 with
  // Retry-After. A script reading a national round page by page stays well below.
  int requests_per_minute = 600;
  // Behind TLS: every answer gets HSTS, as the pages do.
  bool secure = false;
  service::Clock clock = service::system_now;
};

class RateLimiter;

// What every API handler needs; built once by make_handler.
struct ApiSite {
  store::Store& store;
  ApiOptions options;
  RateLimiter& limiter;
};

// The API's routes, for make_handler and for the tests that cover every route.
void add_routes(http::Router& router, const ApiSite& site);

// Answers /api and /api/… itself (problems as application/problem+json), and passes any other
// request to `pages`.
http::RequestHandler make_handler(store::Store& store, ApiOptions options, http::RequestHandler pages);

}  // namespace uppsikt::api
