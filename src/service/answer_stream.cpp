#include "service/answer_stream.h"

#include "core/unit_tree.h"
#include "service/round_units.h"

namespace uppsikt::service {

std::optional<AnswerStream> AnswerStream::open(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin_read();
  auto round = tx->round(round_id);
  if (!round) return std::nullopt;
  const auto units = tx->units();
  const UnitTree tree(units);
  if (!can_see_round(viewer, tree, *round, round_unit_ids(*tx, round_id))) return std::nullopt;
  return AnswerStream(store, round_id, visible_units(viewer, tree, units, *round));
}

std::vector<store::Tx::UnitAnswer> AnswerStream::next(int page_size) {
  std::vector<store::Tx::UnitAnswer> out;
  // A page may hold none of the viewer's units; read on until one does or the round ends.
  while (out.empty() && !done_) {
    auto page = store_->begin_read()->round_answers_page(round_id_, after_response_, after_question_, page_size);
    done_ = static_cast<int>(page.size()) < page_size;
    if (!page.empty()) {
      after_response_ = page.back().answer.response_id;
      after_question_ = page.back().answer.question_id;
    }
    for (auto& row : page)
      if (units_.contains(row.unit_id)) out.push_back(std::move(row));
  }
  return out;
}

}  // namespace uppsikt::service
