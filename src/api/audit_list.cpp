// GET /api/v1/audit — the audit trail as the page "Logg" shows it to admins and coordinators:
// their units' rows, newest first, filtered by unit_id (with the units under it), user_id and
// from/to dates, a page at a time (?cursor= the previous page's next_cursor, ?limit= 1–500).
#include <charconv>

#include "api/handlers.h"
#include "api/refusal.h"
#include "api/reply.h"
#include "service/audit_view.h"

namespace uppsikt::api {
namespace {

// A stored JSON text as JSON; null when empty, the text itself if it does not parse.
nlohmann::json stored_json(const std::string& text) {
  if (text.empty()) return nullptr;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json(text) : parsed;
}

nlohmann::json optional_id(const std::optional<Id>& id) { return id ? nlohmann::json(*id) : nlohmann::json(); }

nlohmann::json line_json(const service::AuditLine& line) {
  const auto& e = line.entry;
  return {{"id", e.id},          {"at", e.at},
          {"user_id", optional_id(e.user_id)}, {"user", line.user},
          {"unit_id", optional_id(e.unit_id)}, {"unit", line.unit},
          {"action", e.action},  {"entity", e.entity},
          {"entity_id", optional_id(e.entity_id)}, {"before", stored_json(e.before_json)},
          {"after", stored_json(e.after_json)}, {"token_name", e.token_name}};
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

http::Response audit_list(const ApiSite& site, const Call& call, const http::Request& request) {
  if (!service::may_read_audit(call.viewer()))
    return problem(problems::forbidden, "Loggen läses av administratörer och samordnare.", request);
  service::AuditQuery query;
  query.limit = 100;
  if (auto limit = request.query_param("limit")) {
    auto n = number(*limit);
    if (!n || *n < 1 || *n > 500) return problem(problems::bad_request, "limit ska vara ett tal från 1 till 500.", request);
    query.limit = *n;
  }
  for (auto [name, target] : {std::pair{"unit_id", &query.unit_id}, std::pair{"user_id", &query.user_id}}) {
    if (auto value = request.query_param(name)) {
      auto n = number(*value);
      if (!n || *n < 1) return problem(problems::bad_request, std::string(name) + " ska vara ett id.", request);
      *target = *n;
    }
  }
  query.from = request.query_param("from").value_or("");
  query.to = request.query_param("to").value_or("");
  query.after = request.query_param("cursor").value_or("");
  auto view = service::audit_view(site.store, call.viewer(), query);
  if (!view) return problem(problems::forbidden, "Loggen läses av administratörer och samordnare.", request);
  if (!view->outcome.ok()) {
    const auto& e = view->outcome.errors.front();
    return problem(problems::bad_request, body_member(e.field) + ": " + e.message, request);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& line : view->lines) items.push_back(line_json(line));
  return json_reply(200, {{"items", items}, {"next_cursor", view->next.empty() ? nlohmann::json() : nlohmann::json(view->next)}});
}

}  // namespace uppsikt::api
