#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <random>

#include "api/api.h"
#include "api/handlers.h"
#include "api/rate_limiter.h"
#include "api/reply.h"
#include "service/api_tokens.h"

namespace uppsikt::api {
namespace {

enum class Access {
  open,   // no token needed (published reports, the description)
  read,   // any valid token
  write,  // a token that may write
};

bool is_api_path(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

// The token of "Authorization: Bearer …", or empty. A session cookie is never looked at.
std::string_view bearer_token(const http::Request& request) {
  auto header = request.header("authorization");
  if (!header) return {};
  constexpr std::string_view kScheme = "Bearer ";
  if (header->size() <= kScheme.size() || !std::equal(kScheme.begin(), kScheme.end(), header->begin(),
                                                      [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
    return {};
  return header->substr(kScheme.size());
}

http::Response token_refused(service::TokenProblem why, const http::Request& request) {
  std::string_view detail = "Nyckeln finns inte. Skapa en ny på sidan Mina API-nycklar.";
  if (why == service::TokenProblem::expired) detail = "Nyckeln har gått ut. Skapa en ny på sidan Mina API-nycklar.";
  if (why == service::TokenProblem::revoked) detail = "Nyckeln är återkallad.";
  auto response = problem(problems::invalid_token, detail, request);
  response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  return response;
}

// A weak validator of a body: equal bodies, equal tags (FNV-1a, 64 bits).
std::string body_tag(std::string_view body) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : body) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("W/\"") + hex + "\"";
}

bool tag_matches(std::string_view if_none_match, std::string_view etag) {
  auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    auto end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto candidate = if_none_match.substr(start, end - start);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate == "*" || opaque(candidate) == opaque(etag)) return true;
    start = end + 1;
  }
  return false;
}

// GET answers carry an ETag (the handler's, or one of the body); a request that already holds
// the same gets 304 without the body.
void apply_etag(const http::Request& request, http::Response& response) {
  if (response.status != 200 || response.stream) return;
  if (!response.header("ETag")) response.set_header("ETag", body_tag(response.body));
  auto if_none_match = request.header("if-none-match");
  if (if_none_match && tag_matches(*if_none_match, *response.header("ETag"))) {
    response.status = 304;
    response.body.clear();
  }
}

// Every API request passes through here: the token is checked once, its rate counted, a
// read-only token stopped before a write, and the GET answer tagged.
http::Response guard(const ApiSite& site, const http::Request& request, Access access, ApiHandler handler) {
  std::optional<service::ApiCaller> caller;
  if (access != Access::open) {
    const auto token = bearer_token(request);
    if (token.empty()) {
      auto response = problem(problems::no_token, "Skicka en API-nyckel i huvudet Authorization: Bearer …", request);
      response.set_header("WWW-Authenticate", "Bearer");
      return response;
    }
    auto authenticated = service::authenticate_api_token(site.store, token, site.options.clock);
    if (!authenticated.caller) return token_refused(authenticated.problem, request);
    caller = std::move(authenticated.caller);
    caller->viewer.remote_address = request.remote_address;
    if (int wait = site.limiter.take(caller->token_id); wait > 0) {
      auto response = problem(problems::too_many_requests,
                              "Nyckeln har gjort för många anrop. Vänta " + std::to_string(wait) + " sekunder.",
                              request);
      response.set_header("Retry-After", std::to_string(wait));
      return response;
    }
    if (access == Access::write && !service::may_write(*caller))
      return problem(problems::read_only_token, "Nyckeln får bara läsa. Skapa en nyckel som får ändra.", request);
  }
  auto response = handler(site, Call{caller ? &*caller : nullptr}, request);
  if (caller) response.log_user = std::to_string(caller->viewer.user_id);
  if (request.method == "GET" || request.method == "HEAD") apply_etag(request, response);
  return response;
}

std::string reference_id() {
  static thread_local std::mt19937 random(std::random_device{}());
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(random()));
  return hex;
}

}  // namespace

void add_routes(http::Router& r, const ApiSite& site) {
  auto route = [&site](Access access, ApiHandler handler) {
    return [&site, access, handler](const http::Request& request) { return guard(site, request, access, handler); };
  };
  const auto read = [&](ApiHandler h) { return route(Access::read, h); };
  const auto write = [&](ApiHandler h) { return route(Access::write, h); };
  const auto open = [&](ApiHandler h) { return route(Access::open, h); };
  // Rounds, their questionnaires and the units
  r.get("/api/v1/rounds", read(rounds_list));
  r.get("/api/v1/rounds/{id}", read(round_get));
  r.get("/api/v1/rounds/{id}/questions", read(round_questions_get));
  r.get("/api/v1/units", read(units_list));
  r.post("/api/v1/rounds/{id}/copy", write(round_copy));
  r.post("/api/v1/units", write(unit_create));
  r.post("/api/v1/people", write(person_invite));
  // Responses and answers
  r.get("/api/v1/rounds/{id}/responses", read(responses_list));
  r.get("/api/v1/rounds/{id}/responses/{unit}", read(response_get));
  r.get("/api/v1/rounds/{id}/responses/{unit}/answers/{question}", read(answer_get));
  r.add("PUT", "/api/v1/rounds/{id}/responses/{unit}/answers/{question}", write(answer_put));
  r.post("/api/v1/rounds/{id}/responses/{unit}/hand-in", write(response_decide));
  r.post("/api/v1/rounds/{id}/responses/{unit}/approve", write(response_decide));
  r.post("/api/v1/rounds/{id}/responses/{unit}/send-back", write(response_decide));
  r.post("/api/v1/rounds/{id}/responses/{unit}/return", write(response_decide));
  r.get("/api/v1/rounds/{id}/answers", read(round_answers_stream));
  // Reports
  r.get("/api/v1/rounds/{id}/report", read(report_get));
  r.get("/api/v1/published", open(published_list));
  r.get("/api/v1/published/{id}", open(published_get));
  // The audit trail
  r.get("/api/v1/audit", read(audit_list));
  // The description
  r.get("/api/v1/openapi.json", open(openapi_get));
  r.get("/api", open(api_page));
}

http::RequestHandler make_handler(store::Store& store, ApiOptions options, http::RequestHandler pages) {
  auto limiter = std::make_shared<RateLimiter>(options.requests_per_minute);
  auto site = std::make_shared<ApiSite>(ApiSite{store, std::move(options), *limiter});
  auto router = std::make_shared<http::Router>();
  add_routes(*router, *site);
  return [limiter, site, router, pages = std::move(pages)](http::Request& request) -> http::Response {
    if (!is_api_path(request.path)) return pages(request);
    http::Response response;
    try {
      auto result = router->route(request);
      if (result.match == http::Router::Match::no_path) {
        response = problem(problems::not_found, "Det finns ingen sådan adress i API:t.", request);
      } else if (result.match == http::Router::Match::wrong_method) {
        std::string allow;
        for (const auto& m : result.allowed) allow += (allow.empty() ? "" : ", ") + m;
        response = problem(problems::method_not_allowed, "Adressen tar emot " + allow + ".", request);
        response.set_header("Allow", allow);
      } else {
        response = (*result.handler)(request);
      }
    } catch (const std::exception& e) {
      const auto reference = reference_id();
      // The route pattern, not the target: a query may hold what the log must not.
      spdlog::error("request failed, ref {}, request {}: {} {}: {}", reference, request.id, request.method,
                    request.route.empty() ? "-" : request.route, e.what());
      response = problem(problems::server_error, "Försök igen om en stund. Referens: " + reference, request,
                         {{"reference", reference}});
    }
    if (site->options.secure)
      response.set_header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
  };
}

}  // namespace uppsikt::api
