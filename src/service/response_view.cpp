#include "service/response_view.h"

#include <map>

#include "core/outline.h"
#include "core/unit_tree.h"
#include "service/audit.h"

namespace uppsikt::service {
namespace {

std::string document_number(const Document& d) { return std::to_string(d.position); }

// Adds the blocks of one document: its own heading, then every area; questions go to the
// block of the area holding the item they follow up.
void add_document_blocks(store::Tx& tx, const Document& doc,
                         std::multimap<Id, AnsweredQuestion>& by_item,
                         std::vector<ResponseBlock>& blocks) {
  blocks.push_back({document_number(doc), doc.title, 1, {}});
  auto nodes = tx.nodes(doc.id);
  for (const auto& entry : outline(nodes)) {
    const Node& n = *entry.node;
    if (n.kind == NodeKind::area) {
      blocks.push_back({n.number, n.title, entry.depth + 2, {}});
      continue;
    }
    auto [first, last] = by_item.equal_range(n.id);
    for (auto it = first; it != last; ++it) {
      it->second.item = n;
      blocks.back().questions.push_back(std::move(it->second));
    }
    by_item.erase(first, last);
  }
}

}  // namespace

// The view of an existing unit's response, read in `tx`; no permission check.
std::optional<ResponseView> response_view_in(store::Tx& tx, Id round_id, Id unit_id);

std::optional<ResponseView> response_view(store::Store& store, Id round_id, Id unit_id) {
  auto tx = store.begin_read();
  return response_view_in(*tx, round_id, unit_id);
}

std::optional<ResponseView> response_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id) {
  bool refused = false;
  {
    auto tx = store.begin_read();
    auto round = tx->round(round_id);
    if (!round) return std::nullopt;
    if (can_view_response(viewer, UnitTree(tx->unit_path(unit_id)), *round, unit_id))
      return response_view_in(*tx, round_id, unit_id);
    refused = tx->unit(unit_id).has_value();
  }
  if (refused)
    audit_refusal(store, Actor{viewer.user_id, viewer.remote_address}, unit_id, "not_permitted",
                  "response " + std::to_string(round_id) + "/" + std::to_string(unit_id));
  return std::nullopt;
}

std::optional<ResponseView> response_view_in(store::Tx& tx_ref, Id round_id, Id unit_id) {
  auto* tx = &tx_ref;
  auto round = tx->round(round_id);
  auto unit = tx->unit(unit_id);
  if (!round || !unit) return std::nullopt;
  auto response = tx->response_of(round_id, unit_id);
  if (!response) return std::nullopt;

  ResponseView view{*round, *unit, std::nullopt, *response, {}, 0, 0};
  if (unit->parent_id) view.parent = tx->unit(*unit->parent_id);

  std::map<Id, Answer> answers;
  for (auto& a : tx->answers(response->id)) answers.emplace(a.question_id, a);

  std::multimap<Id, AnsweredQuestion> by_item;  // item id → its questions, in round order
  std::vector<AnsweredQuestion> unplaced;
  for (auto& q : tx->questions(round_id)) {
    if (!asks(q, *unit)) continue;  // a question for other kinds of unit is not this one's
    AnsweredQuestion aq{q, std::nullopt, std::nullopt};
    if (auto a = answers.find(q.id); a != answers.end()) {
      aq.answer = a->second;
      if (!a->second.choice.empty()) ++view.answered;
    }
    ++view.questions;
    if (q.node_id) by_item.emplace(*q.node_id, std::move(aq));
    else unplaced.push_back(std::move(aq));
  }

  for (const auto& doc : tx->documents()) add_document_blocks(*tx, doc, by_item, view.blocks);

  // Questions whose item is not in any document still show, last, rather than vanish.
  for (auto& [item, aq] : by_item) unplaced.push_back(std::move(aq));
  if (!unplaced.empty()) view.blocks.push_back({"", "Övriga frågor", 1, std::move(unplaced)});
  return view;
}

}  // namespace uppsikt::service
