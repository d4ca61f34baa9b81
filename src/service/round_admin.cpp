#include "service/round_admin.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <variant>

#include "core/collate.h"
#include "core/iso_date.h"
#include "core/outline.h"
#include "core/scale.h"
#include "core/text.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/followup_import.h"
#include "service/mail_settings.h"
#include "service/notices.h"
#include "service/round_units.h"
#include "service/webhooks.h"

namespace uppsikt::service {

// item_choices read in `tx`.
std::vector<ItemChoice> item_choices_in(store::Tx& tx);

namespace {

std::vector<Id> unit_ids(const std::vector<Response>& responses) {
  std::vector<Id> ids;
  for (const auto& r : responses) ids.push_back(r.unit_id);
  return ids;
}

Outcome status_error(std::string message) { return Outcome::invalid({{"status", std::move(message)}}); }

nlohmann::json settings_json(const Round& r) {
  return {{"name", r.name},         {"year", r.year},           {"status", to_code(r.status)},
          {"opens_on", r.opens_on}, {"deadline", r.deadline},   {"instructions", r.instructions},
          {"requires_approval", r.requires_approval}};
}

nlohmann::json question_json(const Question& q) {
  std::vector<std::string> kinds;
  for (auto k : q.audience_kinds) kinds.emplace_back(to_code(k));
  return {{"text", q.text},
          {"node_id", q.node_id ? nlohmann::json(*q.node_id) : nlohmann::json(nullptr)},
          {"position", q.position},
          {"scale_id", q.scale_id},
          {"comment_rule", to_code(q.comment_rule)},
          {"comment_required_for", q.comment_required_for},
          {"audience", q.audience},
          {"audience_kinds", kinds},
          {"audience_units", q.audience_units}};
}

void audit_round(store::Tx& tx, const Viewer& viewer, const Round& round, std::string action,
                 const nlohmann::json& before, const nlohmann::json& after) {
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = round.unit_id, .action = std::move(action), .entity = "round", .entity_id = round.id,
                   .before_json = before.is_null() ? "" : before.dump(),
                   .after_json = after.is_null() ? "" : after.dump()});
}

void audit_question(store::Tx& tx, const Viewer& viewer, const Round& round, const Question& q,
                    std::string action, const nlohmann::json& before, const nlohmann::json& after) {
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = round.unit_id, .action = std::move(action), .entity = "question", .entity_id = q.id,
                   .before_json = before.is_null() ? "" : before.dump(),
                   .after_json = after.is_null() ? "" : after.dump()});
}

// The settings' problems, in the order of the form's fields.
std::vector<FieldError> check_settings(store::Tx& tx, const RoundSettings& s, std::optional<Id> round_id) {
  std::vector<FieldError> errors;
  const std::string name{trim(s.name)};
  if (name.empty()) {
    errors.push_back({"namn", "Skriv ett namn på omgången"});
  } else if (auto other = tx.round_by_name(name); other && other->id != round_id.value_or(0)) {
    errors.push_back({"namn", "Det finns redan en omgång som heter " + name});
  }
  if (s.year < 2000 || s.year > 2100) errors.push_back({"ar", "Skriv året med fyra siffror, till exempel 2025"});
  if (!s.opens_on.empty() && !is_iso_date(s.opens_on))
    errors.push_back({"oppnas", "Skriv öppningsdatum som ÅÅÅÅ-MM-DD"});
  if (!s.deadline.empty() && !is_iso_date(s.deadline))
    errors.push_back({"sista-svarsdag", "Skriv sista svarsdag som ÅÅÅÅ-MM-DD"});
  else if (!s.deadline.empty() && !s.opens_on.empty() && is_iso_date(s.opens_on) && s.deadline < s.opens_on)
    errors.push_back({"sista-svarsdag", "Sista svarsdag kan inte vara före öppningsdatum"});
  return errors;
}

void apply_settings(Round& round, const RoundSettings& s) {
  round.name = std::string(trim(s.name));
  round.year = s.year;
  round.opens_on = s.opens_on;
  round.deadline = s.deadline;
  round.instructions = std::string(trim(s.instructions));
  round.requires_approval = s.requires_approval;
}

// The grant unit under which all `units` lie: the round's unit. Nothing when they do not
// all lie under one of the viewer's admin or coordinator grants.
std::optional<Id> organising_unit(const Viewer& viewer, const UnitTree& tree, const std::vector<Id>& units) {
  for (const auto& g : viewer.grants) {
    if (g.role != Role::admin && g.role != Role::coordinator) continue;
    if (std::all_of(units.begin(), units.end(), [&](Id u) { return unit_within(tree, u, g.unit_id); }))
      return g.unit_id;
  }
  return std::nullopt;
}

std::vector<FieldError> check_units(store::Tx& tx, const Viewer& viewer, const std::vector<Id>& units,
                                    std::optional<Id>& organiser) {
  if (units.empty()) return {{"enheter", "Välj minst en enhet som ska svara"}};
  for (Id u : units)
    if (!tx.unit(u)) return {{"enheter", "En vald enhet finns inte"}};
  organiser = organising_unit(viewer, UnitTree(tx.units()), units);
  if (!organiser) return {{"enheter", "Du kan bara välja enheter inom ditt ansvarsområde"}};
  return {};
}

const FieldError kNoSuchScale{"svarsalternativ", "Välj svarsalternativ bland dem som finns"};

// The answer options the draft chooses, else `otherwise`; nothing when the chosen ones are missing.
std::optional<Scale> chosen_scale(store::Tx& tx, const QuestionDraft& draft, Id otherwise) {
  return tx.scale(draft.scale_id.value_or(otherwise));
}

// The question as `draft` says, checked against the round's units and the scale's options.
std::vector<FieldError> check_question(store::Tx& tx, const QuestionDraft& draft, const std::vector<Id>& round_units,
                                       const Scale& scale) {
  std::vector<FieldError> errors;
  if (trim(draft.text).empty()) errors.push_back({"fraga", "Skriv frågan"});
  if (draft.node_id) {
    auto node = tx.node(*draft.node_id);
    if (!node || node->kind != NodeKind::item) errors.push_back({"punkt", "Välj en strategi, insats eller åtgärd som finns"});
  }
  if (draft.comment_rule == CommentRule::required_for_some) {
    if (draft.comment_required_for.empty())
      errors.push_back({"kommentar-svar", "Välj vilka svar som kräver en kommentar"});
    for (const auto& option : draft.comment_required_for)
      if (std::find(scale.options.begin(), scale.options.end(), option) == scale.options.end())
        errors.push_back({"kommentar-svar", "Svaret " + option + " finns inte bland svarsalternativen"});
  }
  if (draft.audience == AudienceMode::kinds && draft.kinds.empty())
    errors.push_back({"malgrupp-typer", "Välj minst en typ av enhet"});
  if (draft.audience == AudienceMode::units) {
    if (draft.units.empty()) errors.push_back({"malgrupp-enheter", "Välj minst en enhet"});
    for (Id u : draft.units)
      if (std::find(round_units.begin(), round_units.end(), u) == round_units.end()) {
        errors.push_back({"malgrupp-enheter", "Välj bara enheter som deltar i omgången"});
        break;
      }
  }
  return errors;
}

// Fills the question's fields from the draft (the audience text included).
void apply_draft(Question& q, const QuestionDraft& draft, const std::vector<Unit>& units) {
  q.text = collapse_space(draft.text);
  q.node_id = draft.node_id;
  q.comment_rule = draft.comment_rule;
  q.comment_required_for =
      draft.comment_rule == CommentRule::required_for_some ? draft.comment_required_for : std::vector<std::string>{};
  q.audience_kinds = draft.audience == AudienceMode::kinds ? draft.kinds : std::vector<UnitKind>{};
  q.audience_units = draft.audience == AudienceMode::units ? draft.units : std::vector<Id>{};
  q.audience = audience_text(q, units);
}

std::string kind_plural(UnitKind kind) {
  switch (kind) {
    case UnitKind::fullmaktige: return "fullmäktige";
    case UnitKind::styrelse: return "styrelser";
    case UnitKind::namnd: return "nämnder";
    case UnitKind::forvaltning: return "förvaltningar";
    case UnitKind::bolag: return "bolag";
    case UnitKind::forbund: return "förbund";
    case UnitKind::kommun: return "kommuner";
    case UnitKind::lan: return "län";
    case UnitKind::nation: return "nationer";
  }
  return "";
}

// "a", "a och b", "a, b och c".
std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " och " : ", ";
    out += parts[i];
  }
  return out;
}

// A draft question read for change: the question, its round (manageable, a draft).
struct QuestionInRound {
  Question question;
  Round round;
};

}  // namespace

bool may_build_rounds(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(),
                     [](const Grant& g) { return g.role == Role::admin || g.role == Role::coordinator; });
}

std::vector<Unit> round_candidate_units(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  const auto units = tx->units();
  const UnitTree tree(units);
  std::vector<Unit> out;
  for (const auto& u : units)
    if (!u.closed && holds(viewer, tree, Role::coordinator, u.id)) out.push_back(u);
  std::sort(out.begin(), out.end(), [](const Unit& a, const Unit& b) { return swedish_less(a.name, b.name); });
  return out;
}

std::string audience_text(const Question& question, const std::vector<Unit>& units) {
  std::vector<std::string> parts;
  if (!question.audience_kinds.empty()) {
    std::vector<std::string> kinds;
    for (auto k : question.audience_kinds) kinds.push_back(kind_plural(k));
    parts.push_back("samtliga " + joined(kinds));
  }
  for (Id id : question.audience_units)
    for (const auto& u : units)
      if (u.id == id) parts.push_back(u.name);
  return parts.empty() ? "" : "(" + joined(parts) + ")";
}

Outcome create_round(store::Store& store, const Viewer& viewer, const RoundSettings& settings,
                     const std::vector<Id>& units, const std::vector<Id>& items) {
  if (!may_build_rounds(viewer)) return Outcome::not_found();
  auto tx = store.begin();
  auto errors = check_settings(*tx, settings, std::nullopt);
  std::optional<Id> organiser;
  auto unit_errors = check_units(*tx, viewer, units, organiser);
  errors.insert(errors.end(), unit_errors.begin(), unit_errors.end());
  for (Id item : items)
    if (auto node = tx->node(item); !node || node->kind != NodeKind::item) {
      errors.push_back({"punkter", "En vald punkt finns inte"});
      break;
    }
  if (!errors.empty()) return Outcome::invalid(std::move(errors));

  Round round{.status = RoundStatus::draft, .unit_id = organiser};
  apply_settings(round, settings);
  round.id = tx->add_round(round);
  for (Id unit : std::set<Id>(units.begin(), units.end()))
    tx->add_response(Response{.round_id = round.id, .unit_id = unit});
  // Questions follow the documents' order, whatever order the items were chosen in.
  const Id scale = standard_scale(*tx);
  const std::set<Id> chosen(items.begin(), items.end());
  int position = 0;
  for (const auto& choice : item_choices_in(*tx)) {
    if (!chosen.contains(choice.node.id)) continue;
    tx->add_question(Question{.round_id = round.id, .node_id = choice.node.id, .position = ++position,
                              .text = "Har ni arbetat med " + choice.node.title + "?", .scale_id = scale});
  }
  auto after = settings_json(round);
  after["units"] = units;
  after["questions"] = position;
  audit_round(*tx, viewer, round, "round_create", nullptr, after);
  tx->commit();
  return Outcome::done(round.id);
}

Outcome update_round(store::Store& store, const Viewer& viewer, Id round_id, const RoundSettings& settings) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_update " + std::to_string(round_id));
  if (round->status != RoundStatus::draft && round->status != RoundStatus::open)
    return status_error("Omgången är stängd och kan inte ändras");
  if (auto errors = check_settings(*tx, settings, round_id); !errors.empty()) return Outcome::invalid(std::move(errors));
  const auto before = settings_json(*round);
  apply_settings(*round, settings);
  tx->update_round(*round);
  audit_round(*tx, viewer, *round, "round_update", before, settings_json(*round));
  tx->commit();
  return Outcome::done(round_id);
}

Outcome set_round_units(store::Store& store, const Viewer& viewer, Id round_id, const std::vector<Id>& units) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_units " + std::to_string(round_id));
  if (round->status != RoundStatus::draft)
    return status_error("Enheterna kan bara ändras innan omgången öppnas");
  std::optional<Id> organiser;
  if (auto errors = check_units(*tx, viewer, units, organiser); !errors.empty()) return Outcome::invalid(std::move(errors));
  const std::set<Id> wanted(units.begin(), units.end());
  const auto responses = tx->responses(round_id);
  const auto before = unit_ids(responses);
  for (const auto& r : responses)
    if (!wanted.contains(r.unit_id)) tx->delete_response(r.id);
  for (Id unit : wanted)
    if (std::find(before.begin(), before.end(), unit) == before.end())
      tx->add_response(Response{.round_id = round_id, .unit_id = unit});
  audit_round(*tx, viewer, *round, "round_units", {{"units", before}}, {{"units", std::vector<Id>(wanted.begin(), wanted.end())}});
  tx->commit();
  return Outcome::done(round_id);
}

Outcome add_question(store::Store& store, const Viewer& viewer, Id round_id, const QuestionDraft& draft) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "question_add " + std::to_string(round_id));
  if (round->status != RoundStatus::draft) return status_error("Frågorna kan bara ändras innan omgången öppnas");
  const auto scale = chosen_scale(*tx, draft, standard_scale(*tx));
  if (!scale) return Outcome::invalid({kNoSuchScale});
  const auto round_units = unit_ids(tx->responses(round_id));
  if (auto errors = check_question(*tx, draft, round_units, *scale); !errors.empty())
    return Outcome::invalid(std::move(errors));
  const auto questions = tx->questions(round_id);
  Question q{.round_id = round_id, .position = questions.empty() ? 1 : questions.back().position + 1, .scale_id = scale->id};
  apply_draft(q, draft, tx->units());
  q.id = tx->add_question(q);
  audit_question(*tx, viewer, *round, q, "question_add", nullptr, question_json(q));
  tx->commit();
  return Outcome::done(q.id);
}

namespace {

// The question and its round when the viewer may change them now; else the refusal.
std::variant<QuestionInRound, Outcome> draft_question(store::Store& store, const Viewer& viewer,
                                                             std::unique_ptr<store::Tx>& tx, Id round_id,
                                                             Id question_id, const std::string& what) {
  auto question = tx->question(question_id);
  if (!question || question->round_id != round_id) return Outcome::not_found();  // a question of another round
  bool exists = false;
  auto round = managed_round(*tx, viewer, question->round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, what + " " + std::to_string(question_id));
  if (round->status != RoundStatus::draft) return status_error("Frågorna kan bara ändras innan omgången öppnas");
  return QuestionInRound{*question, *round};
}

}  // namespace

Outcome update_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id,
                        const QuestionDraft& draft) {
  auto tx = store.begin();
  auto found = draft_question(store, viewer, tx, round_id, question_id, "question_update");
  if (auto* refusal = std::get_if<Outcome>(&found)) return *refusal;
  auto [q, round] = std::get<QuestionInRound>(found);
  const auto scale = chosen_scale(*tx, draft, q.scale_id);
  if (!scale) return Outcome::invalid({kNoSuchScale});
  const auto round_units = unit_ids(tx->responses(round.id));
  if (auto errors = check_question(*tx, draft, round_units, *scale); !errors.empty())
    return Outcome::invalid(std::move(errors));
  const auto before = question_json(q);
  q.scale_id = scale->id;
  apply_draft(q, draft, tx->units());
  tx->update_question(q);
  audit_question(*tx, viewer, round, q, "question_update", before, question_json(q));
  tx->commit();
  return Outcome::done(q.id);
}

Outcome remove_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id) {
  auto tx = store.begin();
  auto found = draft_question(store, viewer, tx, round_id, question_id, "question_remove");
  if (auto* refusal = std::get_if<Outcome>(&found)) return *refusal;
  const auto& [q, round] = std::get<QuestionInRound>(found);
  tx->delete_question(q.id);
  audit_question(*tx, viewer, round, q, "question_remove", question_json(q), nullptr);
  tx->commit();
  return Outcome::done(round.id);
}

Outcome move_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id, Move move) {
  auto tx = store.begin();
  auto found = draft_question(store, viewer, tx, round_id, question_id, "question_move");
  if (auto* refusal = std::get_if<Outcome>(&found)) return *refusal;
  const auto& [q, round] = std::get<QuestionInRound>(found);
  auto questions = tx->questions(round.id);
  auto it = std::find_if(questions.begin(), questions.end(), [&](const Question& x) { return x.id == q.id; });
  const bool at_end = move == Move::up ? it == questions.begin() : std::next(it) == questions.end();
  if (at_end) return Outcome::done(round.id);
  auto other = move == Move::up ? std::prev(it) : std::next(it);
  std::iter_swap(it, other);
  // Positions are renumbered 1, 2, 3 … so that equal or missing positions cannot block a move.
  int position = 0;
  for (auto& x : questions) {
    if (x.position == ++position) continue;
    x.position = position;
    tx->update_question(x);
  }
  audit_question(*tx, viewer, round, q, "question_move", nullptr, {{"move", move == Move::up ? "up" : "down"}});
  tx->commit();
  return Outcome::done(round.id);
}

Outcome copy_round(store::Store& store, const Viewer& viewer, Id source_id, const RoundSettings& settings) {
  auto tx = store.begin();
  bool exists = false;
  auto source = managed_round(*tx, viewer, source_id, exists);
  if (!source) return refuse_round(store, viewer, tx, exists, "round_copy " + std::to_string(source_id));
  if (auto errors = check_settings(*tx, settings, std::nullopt); !errors.empty()) return Outcome::invalid(std::move(errors));
  Round round{.status = RoundStatus::draft, .unit_id = source->unit_id};
  apply_settings(round, settings);
  round.id = tx->add_round(round);
  for (const auto& r : tx->responses(source_id)) tx->add_response(Response{.round_id = round.id, .unit_id = r.unit_id});
  for (auto q : tx->questions(source_id)) {
    q.round_id = round.id;
    tx->add_question(q);
  }
  auto after = settings_json(round);
  after["source"] = source_id;
  audit_round(*tx, viewer, round, "round_copy", nullptr, after);
  tx->commit();
  return Outcome::done(round.id);
}

namespace {

// The number of the round's units each question is put to, by question id.
std::map<Id, int> question_reach(store::Tx& tx, Id round_id, const std::vector<Question>& questions) {
  std::vector<Unit> units;
  for (const auto& r : tx.responses(round_id))
    if (auto u = tx.unit(r.unit_id)) units.push_back(*u);
  std::map<Id, int> out;
  for (const auto& q : questions)
    out[q.id] = static_cast<int>(std::count_if(units.begin(), units.end(), [&](const Unit& u) { return asks(q, u); }));
  return out;
}

// What opening the round does, for the confirmation: who sees it, who is told, what locks,
// and each question that reaches none of its units (its audience has no unit in the round).
std::vector<std::string> opening_consequences(store::Tx& tx, Id round_id) {
  const auto questions = tx.questions(round_id);
  const auto units = tx.responses(round_id).size();
  std::vector<std::string> out{
      "Omgångens " + std::to_string(units) + (units == 1 ? " enhet ser den" : " enheter ser den") +
          " under Mina uppföljningar och kan börja svara.",
      "Frågorna och enheterna kan inte ändras när omgången är öppen."};
  if (mail_settings()) out.insert(out.begin() + 1, "De svarande får e-post om att omgången har öppnat.");
  const auto reach = question_reach(tx, round_id, questions);
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (reach.at(questions[i].id) == 0)
      out.push_back("Fråga " + std::to_string(i + 1) + " når ingen av omgångens enheter: ingen kommer att svara på den.");
  return out;
}

// What closing the round does: nothing more is answered, and how many have not handed in.
std::vector<std::string> closing_consequences(store::Tx& tx, Id round_id) {
  const auto responses = tx.responses(round_id);
  const auto pending = std::count_if(responses.begin(), responses.end(), [](const Response& r) {
    return r.status != ResponseStatus::submitted && r.status != ResponseStatus::approved;
  });
  return {"Inga svar kan lämnas in eller ändras när omgången är stängd. En samordnare kan öppna den igen för en enhet i "
          "taget.",
          std::to_string(pending) + " av " + std::to_string(responses.size()) +
              " enheter har inte lämnat in sitt svar."};
}

}  // namespace

std::string year_warning(const RoundSettings& settings) {
  const auto& name = settings.name;
  for (std::size_t i = 0; i + 4 <= name.size(); ++i) {
    auto digit = [&](std::size_t j) { return j < name.size() && name[j] >= '0' && name[j] <= '9'; };
    if (!digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3)) continue;
    if ((i > 0 && digit(i - 1)) || digit(i + 4)) continue;  // part of a longer number
    const int year = std::stoi(name.substr(i, 4));
    if (year < 1900 || year > 2999 || year == settings.year) return "";
    return "Namnet nämner " + std::to_string(year) + " men omgångens år är " + std::to_string(settings.year) +
           ". Tidigare svar och jämförelser följer året, inte namnet.";
  }
  return "";
}

Outcome open_round(store::Store& store, const Viewer& viewer, Id round_id, Confirmed confirmed) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_open " + std::to_string(round_id));
  if (round->status != RoundStatus::draft) return status_error("Bara ett utkast kan öppnas");
  std::vector<FieldError> errors;
  if (tx->questions(round_id).empty()) errors.push_back({"fragor", "Lägg till minst en fråga innan omgången öppnas"});
  if (tx->responses(round_id).empty()) errors.push_back({"enheter", "Välj minst en enhet innan omgången öppnas"});
  if (!errors.empty()) return Outcome::invalid(std::move(errors));
  if (confirmed == Confirmed::no) return Outcome::unconfirmed(opening_consequences(*tx, round_id));
  round->status = RoundStatus::open;
  tx->update_round(*round);
  audit_round(*tx, viewer, *round, "round_open", {{"status", "draft"}}, {{"status", "open"}});
  notify_round_opened(*tx, *round, system_now());
  queue_round_webhooks(*tx, *round, "round.opened", system_now());
  tx->commit();
  return Outcome::done(round_id);
}

Outcome close_round(store::Store& store, const Viewer& viewer, Id round_id, Confirmed confirmed) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_close " + std::to_string(round_id));
  if (round->status != RoundStatus::open) return status_error("Bara en öppen omgång kan stängas");
  if (confirmed == Confirmed::no) return Outcome::unconfirmed(closing_consequences(*tx, round_id));
  round->status = RoundStatus::closed;
  tx->update_round(*round);
  audit_round(*tx, viewer, *round, "round_close", {{"status", "open"}}, {{"status", "closed"}});
  queue_round_webhooks(*tx, *round, "round.closed", system_now());
  tx->commit();
  return Outcome::done(round_id);
}

std::vector<ItemChoice> item_choices(store::Store& store) {
  auto tx = store.begin_read();
  return item_choices_in(*tx);
}

std::vector<ItemChoice> item_choices_in(store::Tx& tx_ref) {
  auto* tx = &tx_ref;
  auto documents = tx->documents();
  std::set<Id> replaced;
  for (const auto& d : documents)
    if (d.previous_id) replaced.insert(*d.previous_id);
  std::vector<ItemChoice> out;
  for (const auto& d : documents) {
    if (replaced.contains(d.id)) continue;
    const auto nodes = tx->nodes(d.id);
    for (const auto& entry : outline(nodes)) out.push_back({d, *entry.node, entry.depth});
  }
  return out;
}

namespace {

// Each option of the scales once, in the order the scales list them.
std::vector<std::string> every_option(const std::vector<Scale>& scales) {
  std::vector<std::string> out = standard_options();
  for (const auto& scale : scales)
    for (const auto& option : scale.options)
      if (std::find(out.begin(), out.end(), option) == out.end()) out.push_back(option);
  return out;
}

// For each item, the heading its questions go under: the document and the top-level area.
std::map<Id, std::string> sections_of(const std::vector<ItemChoice>& items) {
  std::map<Id, std::string> out;
  std::string area;
  for (const auto& choice : items) {
    if (choice.depth == 0) {
      const auto& n = choice.node;
      area = choice.document.title + ": " + (n.number.empty() ? n.title : n.number + " " + n.title);
      if (n.kind == NodeKind::area) continue;
      area = choice.document.title;  // an item at the top level has no area
    }
    out.emplace(choice.node.id, area);
  }
  return out;
}

}  // namespace

std::optional<RoundBuilder> round_builder(store::Store& store, const Viewer& viewer, Id round_id) {
  RoundBuilder view;
  {
    auto tx = store.begin_read();
    bool exists = false;
    auto round = managed_round(*tx, viewer, round_id, exists);
    if (!round) return std::nullopt;
    view.round = *round;
    const auto units = tx->units();
    const UnitTree tree(units);
    view.scales = tx->scales();
    std::map<Id, std::string> scale_names;
    for (const auto& scale : view.scales) scale_names.emplace(scale.id, scale.name);
    const auto questions = tx->questions(round_id);
    const auto reach = question_reach(*tx, round_id, questions);
    for (const auto& q : questions)
      view.questions.push_back({q, q.node_id ? tx->node(*q.node_id) : std::nullopt, audience_text(q, units), "",
                                scale_names[q.scale_id], reach.at(q.id)});
    view.unit_count = static_cast<int>(tx->responses(round_id).size());
    for (const auto& r : tx->responses(round_id))  // the viewer's units only, never another organisation's
      if (auto u = tx->unit(r.unit_id); u && can_view_response(viewer, tree, *round, u->id)) {
        view.units.push_back(*u);
        if (!r.deadline.empty()) view.deadlines.emplace(u->id, r.deadline);
      }
    std::sort(view.units.begin(), view.units.end(), [](const Unit& a, const Unit& b) { return swedish_less(a.name, b.name); });
  }
  view.options = every_option(view.scales);
  view.candidates = round_candidate_units(store, viewer);
  view.items = item_choices(store);
  const auto sections = sections_of(view.items);
  for (auto& q : view.questions) {
    auto it = q.item ? sections.find(q.item->id) : sections.end();
    q.section = it != sections.end() ? it->second : "Övriga frågor";
  }
  return view;
}

}  // namespace uppsikt::service
