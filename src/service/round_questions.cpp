#include "service/round_questions.h"

#include "core/unit_tree.h"
#include "service/round_units.h"

namespace uppsikt::service {

std::optional<RoundQuestions> round_questions(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin_read();
  auto round = tx->round(round_id);
  if (!round) return std::nullopt;
  const UnitTree tree(tx->units());
  if (!can_see_round(viewer, tree, *round, round_unit_ids(*tx, round_id))) return std::nullopt;
  RoundQuestions out{.round = *round, .questions = tx->questions(round_id)};
  for (const auto& question : out.questions) {
    if (!out.scales.contains(question.scale_id))
      if (auto scale = tx->scale(question.scale_id)) out.scales.emplace(scale->id, *scale);
    // The item, then its areas up to the document, each read once.
    for (auto id = question.node_id; id && !out.nodes.contains(*id);) {
      auto node = tx->node(*id);
      if (!node) break;
      if (!out.documents.contains(node->document_id))
        if (auto document = tx->document(node->document_id)) out.documents.emplace(document->id, *document);
      id = node->parent_id;
      out.nodes.emplace(node->id, std::move(*node));
    }
  }
  return out;
}

}  // namespace uppsikt::service
