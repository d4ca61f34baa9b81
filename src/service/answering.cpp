#include "service/answering.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/unit_tree.h"
#include "service/answer_fields.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/response_rules.h"
#include "service/webhooks.h"
#include "service/notices.h"

namespace uppsikt::service {
namespace {

// What every answering use case reads first, in its transaction.
struct Context {
  Round round;
  Unit unit;
  Response response;
  UnitTree tree;  // the unit's path up the tree: all that the checks on this unit walk
};


nlohmann::json status_json(const Response& r) {
  return {{"status", to_code(r.status)}, {"edition", r.edition}, {"reopened", r.reopened}};
}

std::string answer_json(const Answer& a) {
  return nlohmann::json{{"question_id", a.question_id}, {"choice", a.choice}, {"comment", a.comment},
                        {"version", a.version}}.dump();
}

void audit_change(store::Tx& tx, const Viewer& viewer, const Context& c, std::string action,
                  const Response& before, const Response& after, const std::string& message = "") {
  auto after_json = status_json(after);
  if (!message.empty()) after_json["message"] = message;
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = c.unit.id, .action = std::move(action), .entity = "response",
                   .entity_id = c.response.id, .before_json = status_json(before).dump(),
                   .after_json = after_json.dump()});
}

// A change of the response's status, with its event and audit row, in `tx`.
struct Change {
  ResponseEventKind event;
  std::string action;  // for the audit trail
  std::string message;
  bool late = false;
};

void apply(store::Tx& tx, const Viewer& viewer, const Context& c, Response next, const Change& change) {
  const std::string now = now_iso();
  next.updated_at = now;
  tx.update_response(next, c.response.version);
  tx.add_response_event(ResponseEvent{.response_id = c.response.id, .kind = change.event,
                                      .edition = c.response.edition, .user_id = viewer.user_id,
                                      .at = now, .message = change.message, .late = change.late});
  audit_change(tx, viewer, c, change.action, c.response, next, change.message);
  notify_response_change(tx, c.tree, c.round, c.unit, change.event, change.message, system_now());
  queue_response_webhooks(tx, c.tree, c.round, c.unit, change.event, system_now());
}

// A send-back by the approver or a return by a coordinator: the response opens again under
// the next edition, with the person's message.
Outcome open_next_edition(store::Tx& tx, const Viewer& viewer, const Context& c, const Change& change) {
  Response next = c.response;
  next.status = ResponseStatus::returned;
  next.edition = c.response.edition + 1;
  apply(tx, viewer, c, next, change);
  return Outcome::done(c.response.id);
}

// A send-back's or return's message: required, valid text, not too long.
std::optional<Outcome> message_problem(std::string_view message) {
  auto problem = [](std::string text) { return Outcome::invalid(std::string{answer_fields::kMessage}, std::move(text)); };
  const auto length = utf8_length(message);
  if (!length) return problem("Meddelandet innehåller tecken som inte går att läsa.");
  if (trim(message).empty()) return problem("Skriv vad som behöver ändras.");
  if (*length > kMaxMessageChars)
    return problem("Meddelandet får vara högst " + std::to_string(kMaxMessageChars) + " tecken.");
  return std::nullopt;
}

constexpr int kRaceAttempts = 3;

// What a use case's body gives run(): its result, or nothing when what it read moved
// meanwhile (another save started the draft, a hand-in locked it) and it must read again.
template <typename Result>
using Attempt = std::optional<Result>;

// Runs `body` on the context of (round, unit) in one write transaction and commits what an
// accepted body wrote (a refusal writes nothing). A missing or invisible response is
// not_found; a write that lost a race with another runs again on what is stored now (the
// version check then names the other person's answer, or, for different questions, both
// saves go through); after a few tries it is a conflict. Refusals of a foreign unit or a role
// are audited afterwards.
template <typename Result, typename Body>
Result run(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, std::string_view what, Body&& body) {
  const Result raced{Outcome::conflict("Någon annan ändrade svaret samtidigt. Ladda om sidan och försök igen.")};
  Result result = raced;
  bool unit_exists = false;
  for (int attempt = 1; attempt <= kRaceAttempts; ++attempt) {
    try {
      auto tx = store.begin();
      auto round = tx->round(round_id);
      auto unit = tx->unit(unit_id);
      unit_exists = unit.has_value();
      auto response = round && unit ? tx->response_of(round_id, unit_id) : std::nullopt;
      Context c{round.value_or(Round{}), unit.value_or(Unit{}), response.value_or(Response{}), UnitTree(tx->unit_path(unit_id))};
      if (!response || !can_view_response(viewer, c.tree, c.round, unit_id)) {
        result = Result{Outcome::not_found("Svaret finns inte.")};
        break;
      }
      Attempt<Result> done = body(*tx, c);
      if (!done) continue;
      if (done->ok()) tx->commit();
      result = std::move(*done);
      break;
    } catch (const store::ConflictError&) {  // the store saw the race (a version or key taken)
      result = raced;
    }
  }
  const bool foreign = result.kind == Outcome::Kind::not_found && unit_exists;
  if (foreign || result.kind == Outcome::Kind::not_allowed)
    audit_refusal(store, actor_of(viewer), unit_id,
                  foreign ? "not_permitted" : "forbidden",
                  std::string(what) + " " + std::to_string(round_id) + "/" + std::to_string(unit_id));
  return result;
}

// Saving one answer, once the context is read and the person may answer now. A first save
// moves the response to draft in `c`, for the next answer of the same form.
Attempt<SaveOutcome> save_in(store::Tx& tx, const Viewer& viewer, Context& c, const AnswerInput& input) {
  const auto q = tx.question(input.question_id);
  if (!q || q->round_id != c.round.id || !asks(*q, c.unit)) return SaveOutcome{Outcome::not_found("Frågan finns inte.")};
  const auto scale = tx.scale(q->scale_id);
  const auto& options = scale ? scale->options : std::vector<std::string>{};
  auto invalid = [&](std::string message, std::string field) {
    return SaveOutcome{Outcome::invalid(std::move(field), std::move(message))};
  };
  if (!input.choice.empty() && std::find(options.begin(), options.end(), input.choice) == options.end())
    return invalid("Välj ett av svarsalternativen.", answer_fields::choice(q->id));
  const auto length = utf8_length(input.comment);
  if (!length) return invalid("Kommentaren innehåller tecken som inte går att läsa.", answer_fields::comment(q->id));
  if (*length > kMaxCommentChars)
    return invalid("Kommentaren får vara högst " + std::to_string(kMaxCommentChars) + " tecken.",
                   answer_fields::comment(q->id));

  const std::optional<Answer> stored = tx.answer_of(c.response.id, q->id);
  const std::string comment = stored_comment(input.comment);
  // Nothing new (a whole form posted, the same text from two tabs, a retry after a lost
  // reply) writes nothing and is no conflict.
  if (stored ? stored->choice == input.choice && stored->comment == comment
             : input.choice.empty() && trim(comment).empty())
    return SaveOutcome{Outcome::done(stored ? stored->id : 0), stored};
  const int stored_version = stored ? stored->version : 0;
  if (stored && stored->version != input.seen_version)
    return SaveOutcome{Outcome::conflict("Någon annan har sparat ett annat svar på frågan under tiden."), stored};

  const std::string now = now_iso();
  const auto next_status = c.response.status == ResponseStatus::not_started ? ResponseStatus::draft : c.response.status;
  if (!tx.touch_response(c.response.id, c.response.status, next_status, now)) return std::nullopt;  // read again
  c.response.status = next_status;
  Answer answer{.response_id = c.response.id, .question_id = q->id, .choice = input.choice,
                .comment = comment, .version = stored_version + 1, .changed_by = viewer.name, .changed_at = now};
  answer.id = tx.save_answer(answer, stored_version);
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = c.unit.id, .action = "answer_save", .entity = "answer", .entity_id = answer.id,
                   .before_json = stored ? answer_json(*stored) : "", .after_json = answer_json(answer)});
  return SaveOutcome{Outcome::done(answer.id), answer};
}

}  // namespace

std::string stored_comment(std::string_view comment) {
  std::string out;
  out.reserve(comment.size());
  for (char ch : comment)
    if (ch != '\r') out += ch;
  return out;
}

std::string answer_check(std::string_view choice, std::string_view comment) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
  auto add = [&hash](std::string_view text) {
    for (unsigned char ch : text) hash = (hash ^ ch) * 1099511628211ull;
  };
  add(choice);
  add("\x1f");
  add(stored_comment(comment));
  return fmt::format("{:016x}", hash);
}

Allowed allowed_actions(const Viewer& viewer, const UnitTree& tree, const Round& round, const Response& response) {
  Allowed may;
  const bool open = accepts_changes(round, response);
  may.answer = open && editable(response.status) && holds(viewer, tree, Role::respondent, response.unit_id);
  may.approve = open && round.requires_approval && response.status == ResponseStatus::submitted &&
                holds(viewer, tree, Role::approver, response.unit_id);
  may.return_response = open &&
                  (response.status == ResponseStatus::submitted || response.status == ResponseStatus::approved) &&
                  holds(viewer, tree, Role::coordinator, response.unit_id);
  may.reopen = round.status == RoundStatus::closed && !response.reopened &&
               holds(viewer, tree, Role::coordinator, response.unit_id);
  return may;
}

bool past_deadline(const Round& round, const Response& response) {
  const auto& deadline = deadline_for(response, round.deadline);
  return !deadline.empty() && now_iso().substr(0, 10) > deadline;
}

std::vector<FieldError> hand_in_problems(const std::vector<Question>& questions, const Unit& unit,
                                         const std::vector<Answer>& answers) {
  std::vector<FieldError> problems;
  for (const auto& q : questions) {
    if (!asks(q, unit)) continue;
    auto a = std::find_if(answers.begin(), answers.end(), [&](const Answer& x) { return x.question_id == q.id; });
    if (a == answers.end() || a->choice.empty()) {
      problems.push_back({answer_fields::choice(q.id), "Svara på frågan."});
      continue;
    }
    const auto& some = q.comment_required_for;
    const bool needs_comment =
        q.comment_rule == CommentRule::required ||
        (q.comment_rule == CommentRule::required_for_some && std::find(some.begin(), some.end(), a->choice) != some.end());
    if (needs_comment && trim(a->comment).empty())
      problems.push_back({answer_fields::comment(q.id), "Skriv en kommentar till svaret " + a->choice + "."});
  }
  return problems;
}

FormOutcome save_answers(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                         const std::vector<AnswerInput>& inputs) {
  return run<FormOutcome>(store, viewer, round_id, unit_id, "answer_save",
                          [&](store::Tx& tx, const Context& read) -> Attempt<FormOutcome> {
    if (!holds(viewer, read.tree, Role::respondent, unit_id))
      return FormOutcome{Outcome::not_allowed("Du kan inte svara för den här enheten.")};
    if (auto why = round_closed_reason(read.round, read.response); !why.empty())
      return FormOutcome{Outcome::conflict(why)};
    if (!editable(read.response.status)) return FormOutcome{Outcome::conflict(kLockedMessage)};
    Context c = read;
    FormOutcome out;
    for (const auto& input : inputs) {
      auto saved = save_in(tx, viewer, c, input);
      if (!saved) return std::nullopt;
      out.answers.push_back(std::move(*saved));
    }
    return out;
  });
}

SaveOutcome save_answer(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, const AnswerInput& input) {
  auto form = save_answers(store, viewer, round_id, unit_id, {input});
  if (!form.ok()) return SaveOutcome{static_cast<const Outcome&>(form), std::nullopt};
  return std::move(form.answers.front());
}

Outcome hand_in(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id) {
  return run<Outcome>(store, viewer, round_id, unit_id, "hand_in",
                            [&](store::Tx& tx, const Context& c) -> Attempt<Outcome> {
    if (!holds(viewer, c.tree, Role::respondent, unit_id))
      return Outcome::not_allowed("Du kan inte lämna in för den här enheten.");
    if (auto why = round_closed_reason(c.round, c.response); !why.empty()) return Outcome::conflict(why);
    if (!editable(c.response.status)) return Outcome::conflict("Svaret är redan inlämnat.");
    auto problems = hand_in_problems(tx.questions(round_id), c.unit, tx.answers(c.response.id));
    if (!problems.empty()) return Outcome::invalid(std::move(problems));

    Response next = c.response;
    next.status = ResponseStatus::submitted;
    next.handed_in_at = now_iso();
    next.handed_in_by = viewer.user_id;
    apply(tx, viewer, c, next, Change{ResponseEventKind::handed_in, "hand_in", "", past_deadline(c.round, c.response)});
    tx.keep_handed_in_answers(c.response.id, c.response.edition);
    return Outcome::done(c.response.id);
  });
}

Outcome approve(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, Confirmed confirmed) {
  return run<Outcome>(store, viewer, round_id, unit_id, "approve",
                            [&](store::Tx& tx, const Context& c) -> Attempt<Outcome> {
    if (!holds(viewer, c.tree, Role::approver, unit_id))
      return Outcome::not_allowed("Du kan inte godkänna för den här enheten.");
    if (auto why = round_closed_reason(c.round, c.response); !why.empty()) return Outcome::conflict(why);
    if (!c.round.requires_approval) return Outcome::conflict("Omgången kräver inget godkännande.");
    if (c.response.status != ResponseStatus::submitted)
      return Outcome::conflict("Bara ett inlämnat svar kan godkännas.");
    if (confirmed == Confirmed::no)
      return Outcome::unconfirmed({"Svaret från " + c.unit.name +
                                   " godkänns och låses. Därefter kan bara en samordnare återsända det."});
    Response next = c.response;
    next.status = ResponseStatus::approved;
    apply(tx, viewer, c, next, Change{ResponseEventKind::approved, "approve"});
    return Outcome::done(c.response.id);
  });
}

Outcome send_back(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, std::string_view message) {
  return run<Outcome>(store, viewer, round_id, unit_id, "send_back",
                            [&](store::Tx& tx, const Context& c) -> Attempt<Outcome> {
    if (!holds(viewer, c.tree, Role::approver, unit_id))
      return Outcome::not_allowed("Du kan inte skicka tillbaka svar för den här enheten.");
    if (auto why = round_closed_reason(c.round, c.response); !why.empty()) return Outcome::conflict(why);
    if (!c.round.requires_approval || c.response.status != ResponseStatus::submitted)
      return Outcome::conflict("Bara ett svar som väntar på godkännande kan skickas tillbaka.");
    if (auto problem = message_problem(message)) return *problem;
    return open_next_edition(tx, viewer, c, Change{ResponseEventKind::sent_back, "send_back", std::string(trim(message))});
  });
}

Outcome return_response(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, std::string_view message,
                              Confirmed confirmed) {
  return run<Outcome>(store, viewer, round_id, unit_id, "return",
                            [&](store::Tx& tx, const Context& c) -> Attempt<Outcome> {
    if (!holds(viewer, c.tree, Role::coordinator, unit_id))
      return Outcome::not_allowed("Bara en samordnare kan återsända svaret.");
    if (auto why = round_closed_reason(c.round, c.response); !why.empty()) return Outcome::conflict(why);
    if (c.response.status != ResponseStatus::submitted && c.response.status != ResponseStatus::approved)
      return Outcome::conflict("Bara ett inlämnat eller godkänt svar kan återsändas.");
    if (auto problem = message_problem(message)) return *problem;
    if (confirmed == Confirmed::no)
      return Outcome::unconfirmed({"Svaret från " + c.unit.name +
                                   " återsänds till enheten med ditt meddelande. Det inlämnade svaret "
                                   "finns kvar att läsa; enheten ändrar i en ny version och lämnar in igen."});
    return open_next_edition(tx, viewer, c, Change{ResponseEventKind::returned, "return", std::string(trim(message))});
  });
}

Outcome reopen_for_unit(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id) {
  return run<Outcome>(store, viewer, round_id, unit_id, "reopen",
                            [&](store::Tx& tx, const Context& c) -> Attempt<Outcome> {
    if (!holds(viewer, c.tree, Role::coordinator, unit_id))
      return Outcome::not_allowed("Bara en samordnare kan öppna omgången igen.");
    if (c.round.status != RoundStatus::closed) return Outcome::conflict("Omgången är inte stängd.");
    if (c.response.reopened) return Outcome::conflict("Omgången är redan öppnad igen för enheten.");
    Response next = c.response;
    next.reopened = true;
    apply(tx, viewer, c, next, Change{ResponseEventKind::reopened, "reopen"});
    return Outcome::done(c.response.id);
  });
}

}  // namespace uppsikt::service
