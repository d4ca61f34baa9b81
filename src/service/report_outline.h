#pragma once
// Where a round's questions stand in a report: under the heading of the governing document
// and the area holding the item each follows up, in the documents' reading order. Shared by
// the unit report and the compiled report so both read in the same order.
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/round.h"
#include "report/model.h"
#include "store/store.h"

namespace uppsikt::service {

struct PlacedQuestion {
  const Question* question = nullptr;  // points into the vector given to report_outline
  std::optional<Node> item;
  int number = 0;  // 1-based position among the round's questions
};

struct OutlineSection {
  report::Heading heading;
  std::string document;  // the governing document's title
  std::vector<PlacedQuestion> questions;
  std::string key;       // core/assessment.h's target of the document or area; empty for "Övriga frågor"
};

// The sections holding `questions` (a round's, by position), headings without any question
// below them left out. With `document_id` only that document's questions; without it,
// questions whose item is in no document come last under "Övriga frågor".
std::vector<OutlineSection> report_outline(store::Tx& tx, const std::vector<Question>& questions,
                                           std::optional<Id> document_id);

// The report's view of a question: its text, audience, the item it follows up and the
// options of its scale.
report::ReportQuestion report_question(const PlacedQuestion& placed, const std::vector<std::string>& options);

}  // namespace uppsikt::service
