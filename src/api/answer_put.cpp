// PUT /api/v1/rounds/{id}/responses/{unit}/answers/{question} — saves one answer against the
// version the client read, named in If-Match ("0": there was no answer). A save made by someone
// else meanwhile gives 412 with the answer as it is now, as the page shows both to choose.
#include <charconv>

#include "api/json_body.h"
#include "api/refusal.h"
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/answering.h"

namespace uppsikt::api {
namespace {

// The version in If-Match: "3" (W/"3" is taken too); nothing when absent or not a version.
std::optional<int> seen_version(const http::Request& request) {
  auto tag = request.header("if-match");
  if (!tag) return std::nullopt;
  std::string_view text = *tag;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() < 3 || text.front() != '"' || text.back() != '"') return std::nullopt;
  text = text.substr(1, text.size() - 2);
  int version = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (ec != std::errc{} || end != text.data() + text.size() || version < 0) return std::nullopt;
  return version;
}

bool is_json(const http::Request& request) {
  auto type = request.header("content-type");
  return type && type->starts_with("application/json");
}

}  // namespace

http::Response answer_put(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  auto unit_id = id_param(request, "unit");
  auto question_id = id_param(request, "question");
  if (!round_id || !unit_id || !question_id)
    return problem(problems::not_found, "Svaret finns inte, eller så ser du det inte.", request);
  auto version = seen_version(request);
  if (!version)
    return problem(problems::version_required,
                   "Skicka svarets version som du läste den i If-Match, till exempel If-Match: \"3\" (\"0\" för ett nytt svar).",
                   request);
  if (!is_json(request)) return problem(problems::unsupported_media_type, "Skicka svaret som application/json.", request);
  auto body = json_body(request);
  const bool typed = body && (!body->contains("choice") || (*body)["choice"].is_string()) &&
                     (!body->contains("comment") || (*body)["comment"].is_string());
  if (!typed)
    return problem(problems::bad_request, "Svaret ska vara ett JSON-objekt med texterna choice och comment.", request);
  const service::AnswerInput input{.question_id = *question_id,
                                   .choice = body->value("choice", ""),
                                   .comment = body->value("comment", ""),
                                   .seen_version = *version};
  auto outcome = service::save_answer(site.store, call.viewer(), *round_id, *unit_id, input);
  if (outcome.kind == service::Outcome::Kind::conflict && outcome.answer)
    return problem(problems::version_mismatch, outcome.message(), request,
                   {{"current", answer_json(*outcome.answer, *unit_id)}});
  if (!outcome.ok()) return refused(outcome, "Svaret finns inte, eller så ser du det inte.", request);
  const Answer saved = outcome.answer.value_or(Answer{.question_id = *question_id, .version = *version});
  auto response = json_reply(200, answer_json(saved, *unit_id));
  response.set_header("ETag", "\"" + std::to_string(saved.version) + "\"");
  return response;
}

}  // namespace uppsikt::api
