#include "service/answering_view.h"

#include "core/unit_tree.h"

namespace uppsikt::service {
namespace {

// Last round's answers by this round's question: the same item followed up, else the same text.
std::map<Id, Answer> previous_answers(store::Tx& tx, const Round& previous, Id unit_id,
                                      const std::vector<Question>& questions) {
  std::map<Id, Answer> out;
  auto response = tx.response_of(previous.id, unit_id);
  if (!response) return out;
  std::map<Id, Answer> by_question;
  for (auto& a : tx.answers(response->id)) by_question.emplace(a.question_id, a);
  std::map<Id, Id> by_node;
  std::map<std::string, Id> by_text;
  for (const auto& q : tx.questions(previous.id)) {
    if (q.node_id) by_node.emplace(*q.node_id, q.id);
    by_text.emplace(q.text, q.id);
  }
  for (const auto& q : questions) {
    std::optional<Id> match;
    if (auto n = q.node_id ? by_node.find(*q.node_id) : by_node.end(); n != by_node.end()) match = n->second;
    else if (auto t = by_text.find(q.text); t != by_text.end()) match = t->second;
    if (!match) continue;
    if (auto a = by_question.find(*match); a != by_question.end() && !a->second.choice.empty())
      out.emplace(q.id, a->second);
  }
  return out;
}

// The latest round before `round` (an earlier year, or the same year and made before it) in
// which the unit answered any of these questions' items, and those answers: not simply the
// year before, which the unit may never have answered, or whose year a copy got wrong.
// Never a draft, never another organisation's round (the unit must take part).
std::optional<std::pair<Round, std::map<Id, Answer>>> latest_answers(store::Tx& tx, const Round& round, Id unit_id,
                                                                     const std::vector<Question>& questions) {
  for (const auto& r : tx.rounds()) {  // newest year first
    const bool earlier = r.year < round.year || (r.year == round.year && r.id < round.id);
    if (!earlier || r.status == RoundStatus::draft || !tx.response_of(r.id, unit_id)) continue;
    auto answers = previous_answers(tx, r, unit_id, questions);
    if (!answers.empty()) return std::pair{r, std::move(answers)};
  }
  return std::nullopt;
}

}  // namespace

std::optional<AnsweringView> answering_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id) {
  auto tx = store.begin_read();
  auto seen = permitted_view(store, tx, viewer, round_id, unit_id);
  if (!seen.view) return std::nullopt;
  AnsweringView view{.page = std::move(*seen.view)};
  const auto& round = view.page.round;
  view.late = past_deadline(round, view.page.response);
  view.may = allowed_actions(viewer, UnitTree(seen.path), round, view.page.response);
  std::vector<Question> questions;
  for (const auto& block : view.page.blocks)
    for (const auto& aq : block.questions) {
      questions.push_back(aq.question);
      if (!view.options.contains(aq.question.scale_id))
        if (auto scale = tx->scale(aq.question.scale_id)) view.options.emplace(scale->id, scale->options);
    }
  if (auto previous = latest_answers(*tx, round, unit_id, questions)) {
    view.previous_round = previous->first.name;
    view.previous = std::move(previous->second);
  }
  int number = 0;
  for (const auto& q : tx->questions(round.id)) view.numbers.emplace(q.id, ++number);  // by position
  view.events = tx->response_events(view.page.response.id);
  for (auto& change : tx->question_changes(round.id)) view.changes[change.question_id].push_back(std::move(change));
  return view;
}

std::optional<ResponseView> handed_in_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                                           int edition) {
  auto tx = store.begin_read();
  auto view = permitted_view(store, tx, viewer, round_id, unit_id).view;
  if (!view || edition < 1) return std::nullopt;
  std::map<Id, Answer> kept;
  for (auto& a : tx->handed_in_answers(view->response.id, edition)) kept.emplace(a.question_id, a);
  if (kept.empty()) return std::nullopt;
  view->answered = 0;
  for (auto& block : view->blocks)
    for (auto& aq : block.questions) {
      auto a = kept.find(aq.question.id);
      aq.answer = a == kept.end() ? std::nullopt : std::optional<Answer>(a->second);
      if (aq.answer && !aq.answer->choice.empty()) ++view->answered;
    }
  return view;
}

}  // namespace uppsikt::service
