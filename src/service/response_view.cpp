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

// The view of the unit's response to the round, read in `tx`; nothing when it has none.
std::optional<ResponseView> read_view(store::Tx& tx, const Round& round, const Unit& unit,
                                      std::optional<Unit> parent) {
  auto response = tx.response_of(round.id, unit.id);
  if (!response) return std::nullopt;
  ResponseView view{round, unit, std::move(parent), *response, {}, 0, 0};

  std::map<Id, Answer> answers;
  for (auto& a : tx.answers(response->id)) answers.emplace(a.question_id, a);

  std::multimap<Id, AnsweredQuestion> by_item;  // item id → its questions, in round order
  std::vector<AnsweredQuestion> unplaced;
  for (auto& q : tx.questions(round.id)) {
    if (!asks(q, unit)) continue;  // a question for other kinds of unit is not this one's
    AnsweredQuestion aq{q, std::nullopt, std::nullopt};
    if (auto a = answers.find(q.id); a != answers.end()) {
      aq.answer = a->second;
      if (!a->second.choice.empty()) ++view.answered;
    }
    ++view.questions;
    if (q.node_id) by_item.emplace(*q.node_id, std::move(aq));
    else unplaced.push_back(std::move(aq));
  }

  for (const auto& doc : tx.documents()) add_document_blocks(tx, doc, by_item, view.blocks);

  // Questions whose item is not in any document still show, last, rather than vanish.
  for (auto& [item, aq] : by_item) unplaced.push_back(std::move(aq));
  if (!unplaced.empty()) view.blocks.push_back({"", "Övriga frågor", 1, std::move(unplaced)});
  return view;
}

const Unit* find_unit(const std::vector<Unit>& units, Id id) {
  for (const auto& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

// The view and the unit's path read in `tx`, without ending it; `refused` is set when the unit
// exists but the viewer may not see its response.
PermittedView read_permitted(store::Tx& tx, const Viewer& viewer, Id round_id, Id unit_id, bool& refused) {
  PermittedView out;
  auto round = tx.round(round_id);
  if (!round) return out;
  out.path = tx.unit_path(unit_id);
  const Unit* unit = find_unit(out.path, unit_id);
  if (!unit) return out;
  refused = !can_view_response(viewer, UnitTree(out.path), *round, unit_id);
  if (refused) return out;
  const Unit* parent = unit->parent_id ? find_unit(out.path, *unit->parent_id) : nullptr;
  out.view = read_view(tx, *round, *unit, parent ? std::optional<Unit>(*parent) : std::nullopt);
  if (round->status == RoundStatus::published && !sees_comments(viewer, UnitTree(out.path), unit_id, tx.publication(round_id)))
    for (auto& block : out.view->blocks)
      for (auto& q : block.questions)
        if (q.answer) q.answer->comment.clear();
  return out;
}

}  // namespace

std::optional<ResponseView> response_view(store::Store& store, Id round_id, Id unit_id) {
  auto tx = store.begin_read();
  auto round = tx->round(round_id);
  auto unit = tx->unit(unit_id);
  if (!round || !unit) return std::nullopt;
  return read_view(*tx, *round, *unit, unit->parent_id ? tx->unit(*unit->parent_id) : std::nullopt);
}

PermittedView permitted_view(store::Store& store, std::unique_ptr<store::Tx>& tx, const Viewer& viewer,
                             Id round_id, Id unit_id) {
  bool refused = false;
  auto out = read_permitted(*tx, viewer, round_id, unit_id, refused);
  if (out.view) return out;
  tx.reset();
  if (refused)
    audit_refusal(store, actor_of(viewer), unit_id, "not_permitted",
                  "response " + std::to_string(round_id) + "/" + std::to_string(unit_id));
  return out;
}

std::optional<ResponseView> response_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id) {
  auto tx = store.begin_read();
  return permitted_view(store, tx, viewer, round_id, unit_id).view;
}

}  // namespace uppsikt::service
