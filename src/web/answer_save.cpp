// POST /omgangar/{id}/svar/{unit} — saves the answers the person changed, together in one
// service call, from the whole answering form (without JavaScript) or one answer at a time
// (autosave, which asks for JSON).
// "kopiera" takes last round's answer to one question; "lamna-in" hands in after saving.
#include <algorithm>

#include "core/swedish_time.h"
#include "http/form.h"
#include "service/answering.h"
#include "service/answering_view.h"
#include "service/answer_fields.h"
#include "web/answering_page.h"
#include "web/infra/format.h"
#include "web/infra/outcome_response.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

using Form = http::Form;
using Kind = service::Outcome::Kind;

bool has_field(const Form& form, const std::string& name) { return form.find(name) != form.end(); }

// The answers in the form that the person changed (or copied), by question.
std::vector<service::AnswerInput> changed_answers(const Form& form) {
  const std::string copy = http::form_value(form, "kopiera");
  std::vector<service::AnswerInput> out;
  namespace fields = service::answer_fields;
  const std::string version_prefix = std::string{fields::kVersion} + "-";
  for (const auto& [name, value] : form) {  // each question of the form has its version field
    if (!name.starts_with(version_prefix)) continue;
    const std::string id = name.substr(version_prefix.size());
    auto question = parse_id(id);
    if (!question) continue;
    const Id q = *question;
    service::AnswerInput input{.question_id = q, .choice = http::form_value(form, fields::choice(q)),
                               .comment = http::form_value(form, fields::comment(q)),
                               .seen_version = static_cast<int>(parse_id(value).value_or(0))};
    if (id == copy) {
      input.choice = http::form_value(form, fields::previous_choice(q));
      input.comment = http::form_value(form, fields::previous_comment(q));
    } else if (has_field(form, fields::check(q)) &&
               http::form_value(form, fields::check(q)) == service::answer_check(input.choice, input.comment)) {
      continue;  // as the page showed it
    }
    out.push_back(std::move(input));
  }
  return out;
}

bool wants_json(const http::Request& request) {
  auto accept = request.header("accept");
  return accept && accept->find("application/json") != std::string_view::npos;
}

http::Response json_reply(int status, const nlohmann::json& body) {
  http::Response response{.status = status, .headers = {}, .body = body.dump()};
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
  add_security_headers(response);
  return response;
}

// The autosave's answer for one question.
http::Response json_outcome(const service::AnswerInput& input, const service::SaveOutcome& outcome) {
  nlohmann::json body{{"question", input.question_id}, {"message", outcome.message()}};
  if (outcome.ok()) {
    const auto& a = outcome.answer;
    body["status"] = "saved";
    body["version"] = a ? a->version : input.seen_version;
    body["check"] = service::answer_check(input.choice, input.comment);
    body["saved_at"] = a ? swedish_clock(a->changed_at) : "";
    return json_reply(200, body);
  }
  // Someone else's answer is a conflict to show; a round that closed is a refusal.
  body["status"] = outcome.kind == Kind::conflict && outcome.answer ? "conflict" : "refused";
  if (outcome.answer) {
    body["changed_by"] = outcome.answer->changed_by;
    body["changed_at"] = swedish_time(outcome.answer->changed_at);
  }
  return json_reply(refusal_status(outcome.kind), body);
}

// "avsnitt-1.2" or "fraga-12": where the person was, to return there; nothing else.
std::string safe_anchor(std::string_view anchor) {
  const bool safe = std::all_of(anchor.begin(), anchor.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
  return safe && anchor.size() < 40 ? std::string(anchor) : "";
}

// What a saved form leaves for the page: the errors to show beside their questions (and the
// answers as posted there), the answers someone else saved meanwhile, and when it last saved.
struct FormResult {
  AnsweringState state;
  std::vector<Conflict> conflicts;
  std::string saved_at;
};

FormResult form_result(const std::vector<service::AnswerInput>& inputs, const service::FormOutcome& outcome) {
  FormResult out;
  out.state.errors = outcome.errors;  // not now (locked, closed) or raced: for the whole form
  for (std::size_t i = 0; i < outcome.answers.size(); ++i) {
    const auto& input = inputs[i];
    const auto& answer = outcome.answers[i];
    if (answer.ok() && answer.answer) out.saved_at = swedish_clock(answer.answer->changed_at);
    if (answer.kind == Kind::conflict && answer.answer) out.conflicts.push_back({input, *answer.answer});
    if (answer.kind == Kind::invalid) {
      out.state.posted.emplace(input.question_id, input);
      out.state.errors.insert(out.state.errors.end(), answer.errors.begin(), answer.errors.end());
    }
  }
  return out;
}

}  // namespace

http::Response answer_save(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  if (!round_id || !unit_id) return error_page(site, visit, 404);
  const auto form = http::parse_form(request);
  const auto inputs = changed_answers(form);
  const bool json = wants_json(request);

  FormResult saved;
  if (!inputs.empty()) {
    const auto outcome = service::save_answers(site.store, visit.viewer(), *round_id, *unit_id, inputs);
    // Autosave sends one answer at a time and reads one reply.
    if (json) return json_outcome(inputs.front(), outcome.ok() ? outcome.answers.front() : service::SaveOutcome{outcome});
    if (outcome.kind == Kind::not_found || outcome.kind == Kind::not_allowed)
      return error_page(site, visit, refusal_status(outcome.kind));
    saved = form_result(inputs, outcome);
  }
  auto view = service::answering_view(site.store, visit.viewer(), *round_id, *unit_id);
  if (json) {  // nothing changed: still only for those who may see the response, as the form
    if (!view) return json_reply(404, {{"status", "refused"}, {"message", "Svaret finns inte."}});
    return json_reply(200, {{"status", "saved"}, {"message", ""}});
  }
  if (!view) return error_page(site, visit, 404);
  if (!saved.conflicts.empty()) return conflict_page(site, visit, *view, saved.conflicts);
  AnsweringState& state = saved.state;
  state.form_field = "fel";
  if (!state.errors.empty()) return answering_page(site, visit, *view, state, 422);

  const std::string path = response_path(*round_id, *unit_id);
  if (has_field(form, "lamna-in")) {
    auto outcome = service::hand_in(site.store, visit.viewer(), *round_id, *unit_id);
    if (outcome.kind == Kind::not_found || outcome.kind == Kind::not_allowed)
      return error_page(site, visit, refusal_status(outcome.kind));
    if (!outcome.ok()) {
      state.errors = outcome.errors;
      view = service::answering_view(site.store, visit.viewer(), *round_id, *unit_id);
      if (!view) return error_page(site, visit, 404);
      return answering_page(site, visit, *view, state, refusal_status(outcome.kind));
    }
    return http::redirect(path + "?klart=inlamnat");
  }
  const std::string anchor = safe_anchor(http::form_value(form, "till"));
  std::string target = path + "?sparat=" + (saved.saved_at.empty() ? "0" : saved.saved_at);
  if (!anchor.empty()) target += "&till=" + anchor + "#" + anchor;
  return http::redirect(target);
}

}  // namespace uppsikt::web
