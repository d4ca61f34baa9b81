#include "web/routes.h"

#include <memory>

#include "web/handlers.h"
#include "web/view.h"

namespace uppsikt::web {

void add_routes(http::Router& r, const Site& site) {
  auto page = [&site](auto handler) {
    return [&site, handler](const http::Request& request) { return handler(site, request); };
  };
  // Follow-up rounds
  r.get("/", page(home_show));
  r.get("/omgangar/{id}", page(round_show));
  r.get("/omgangar/{id}/svar/{unit}", page(response_show));
  // Governing documents
  r.get("/dokument", page(document_list));
  r.get("/dokument/{id}", page(document_show));
  // About the service
  r.get("/tillganglighet", page(accessibility_show));
}

http::RequestHandler make_handler(const Site& site) {
  auto router = std::make_shared<http::Router>();
  add_routes(*router, site);
  return [&site, router](http::Request& request) -> http::Response {
    bool read_only = request.method == "GET" || request.method == "HEAD";
    if (read_only && request.path == "/healthz") return http::text_response(200, "ok");
    if (read_only && request.path.starts_with("/static/")) {
      if (auto file = site.assets.serve(request)) return *file;
      return error_page(site, 404);
    }
    auto result = router->route(request);
    if (result.match == http::Router::Match::no_path) return error_page(site, 404);
    if (result.match == http::Router::Match::wrong_method) {
      auto response = error_page(site, 405);
      std::string allow;
      for (const auto& m : result.allowed) allow += (allow.empty() ? "" : ", ") + m;
      response.set_header("Allow", allow);
      return response;
    }
    return (*result.handler)(request);
  };
}

http::ErrorRenderer make_error_renderer(const Site& site) {
  return [&site](int status, const std::string& reference) { return error_page(site, status, reference); };
}

}  // namespace uppsikt::web
