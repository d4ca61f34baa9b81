#include "api/refusal.h"

#include <array>
#include <utility>

#include "api/reply.h"
#include "service/answer_fields.h"

namespace uppsikt::api {
namespace {

// The services name a field as the pages' forms do (Swedish); a caller of the API knows it as
// the member of the body it sent.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kBodyMembers{{
    {"namn", "name"}, {"epost", "email"}, {"roll", "role"}, {"enhet", "unit_id"}, {"slag", "kind"},
    {"overordnad", "parent_id"}, {"losenord", "password"}, {"ar", "year"}, {"oppnas", "opens_on"},
    {"sista-svarsdag", "deadline"}, {"instruktioner", "instructions"}, {"fran", "from"}, {"till", "to"},
}};

// An error as the API names its field: the body's member, or for an answer the question and
// which part of it.
nlohmann::json error_json(const service::FieldError& e) {
  namespace fields = service::answer_fields;
  if (auto on = fields::on_question(e.field))
    return {{"question_id", on->question_id}, {"field", on->comment ? "comment" : "choice"}, {"message", e.message}};
  if (e.field == fields::kMessage) return {{"field", "message"}, {"message", e.message}};
  return {{"field", body_member(e.field)}, {"message", e.message}};
}

}  // namespace

std::string body_member(const std::string& field) {
  for (const auto& [form, member] : kBodyMembers)
    if (form == field) return std::string{member};
  return field;
}

http::Response refused(const service::Outcome& outcome, std::string_view not_found, const http::Request& request) {
  using Kind = service::Outcome::Kind;
  switch (outcome.kind) {
    case Kind::not_found: return problem(problems::not_found, not_found, request);
    case Kind::not_allowed: return problem(problems::forbidden, outcome.message(), request);
    case Kind::conflict: return problem(problems::not_now, outcome.message(), request);
    case Kind::unconfirmed:
      return problem(problems::not_now, outcome.consequences.empty() ? outcome.message() : outcome.consequences.front(),
                     request);
    case Kind::invalid:
    case Kind::done: break;  // done is no refusal: callers ask only after !ok()
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : outcome.errors) list.push_back(error_json(e));
  const std::string detail = outcome.errors.empty() ? "Uppgifterna går inte att spara." : outcome.message();
  return problem(problems::invalid, detail, request, {{"errors", list}});
}

}  // namespace uppsikt::api
