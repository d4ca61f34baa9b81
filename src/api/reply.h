#pragma once
// How the API answers: JSON bodies, RFC 9457 problems with a Swedish title and a stable type
// (each type explained on the /api page under its anchor), and lists paged by a cursor.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"
#include "http/message.h"

namespace uppsikt::api {

// A JSON answer (application/json, not cached without asking).
http::Response json_reply(int status, const nlohmann::json& body);

// The problem types: the slug is the stable part of "type" ("/api#problem-not-found").
struct ProblemType {
  std::string_view slug;
  int status;
  std::string_view title;  // Swedish
};
namespace problems {
inline constexpr ProblemType bad_request{"bad-request", 400, "Felaktig begäran"};
inline constexpr ProblemType no_token{"no-token", 401, "API-nyckel saknas"};
inline constexpr ProblemType invalid_token{"invalid-token", 401, "Nyckeln gäller inte"};
inline constexpr ProblemType read_only_token{"read-only-token", 403, "Nyckeln får bara läsa"};
inline constexpr ProblemType forbidden{"forbidden", 403, "Det får du inte göra"};
inline constexpr ProblemType not_found{"not-found", 404, "Finns inte"};
inline constexpr ProblemType method_not_allowed{"method-not-allowed", 405, "Metoden går inte här"};
inline constexpr ProblemType not_now{"not-now", 409, "Går inte just nu"};
inline constexpr ProblemType version_mismatch{"version-mismatch", 412, "Svaret har ändrats sedan du läste det"};
inline constexpr ProblemType unsupported_media_type{"unsupported-media-type", 415, "Skicka JSON"};
inline constexpr ProblemType invalid{"invalid", 422, "Uppgifterna går inte att spara"};
inline constexpr ProblemType version_required{"version-required", 428, "If-Match saknas"};
inline constexpr ProblemType too_many_requests{"too-many-requests", 429, "För många anrop"};
inline constexpr ProblemType server_error{"server-error", 500, "Något gick fel i Uppsikt"};
}  // namespace problems
inline constexpr ProblemType kProblemTypes[] = {
    problems::bad_request,  problems::no_token,  problems::invalid_token, problems::read_only_token,
    problems::forbidden,    problems::not_found, problems::method_not_allowed, problems::not_now,
    problems::version_mismatch, problems::unsupported_media_type, problems::invalid,
    problems::version_required, problems::too_many_requests, problems::server_error};

// An application/problem+json answer; `extra` members (an object) are added beside the
// standard ones.
http::Response problem(const ProblemType& type, std::string_view detail, const http::Request& request);
http::Response problem(const ProblemType& type, std::string_view detail, const http::Request& request,
                       const nlohmann::json& extra);

// A list's page: at most `limit` items (?limit=, 1–500, 100 unless given) after the cursor
// (?cursor=, the id the previous page ended with). Nothing when either is malformed.
struct Page {
  Id after = 0;
  int limit = 100;
};
std::optional<Page> page_of(const http::Request& request);
// {"items": [...], "next_cursor": "…" or null}; `last_id` is the id of the last item, when
// the page is full.
nlohmann::json paged(nlohmann::json items, std::optional<Id> next_after);

// The id in path parameter `name`, or nothing.
std::optional<Id> id_param(const http::Request& request, std::string_view name);

}  // namespace uppsikt::api

namespace uppsikt::api {

// The items of `all` (sorted by id, as `id_of` gives it) on `page`, turned to JSON by `to_json`,
// with the cursor to the next page when there may be one.
template <typename Items, typename IdOf, typename ToJson>
nlohmann::json page_json(const Items& all, const Page& page, IdOf id_of, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  std::optional<Id> last;
  bool more = false;
  for (const auto& item : all) {
    if (id_of(item) <= page.after) continue;
    if (static_cast<int>(items.size()) == page.limit) {
      more = true;
      break;
    }
    items.push_back(to_json(item));
    last = id_of(item);
  }
  return paged(std::move(items), more ? last : std::nullopt);
}

}  // namespace uppsikt::api
