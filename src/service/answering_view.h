#pragma once
// What the response page shows around the answers: what the viewer may do now, last round's
// answer to each question, the scale's options, the response's history and whether the
// deadline has passed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/answering.h"
#include "service/response_view.h"

namespace uppsikt::service {

struct AnsweringView {
  ResponseView page;                        // the questions in document order, with answers
  Allowed may;
  std::map<Id, std::vector<std::string>> options;  // scale id → options in order
  // The latest earlier round in which the unit answered these questions' items: its name
  // (empty when none) and the unit's answers there by this round's question id.
  std::string previous_round;
  std::map<Id, Answer> previous;
  std::map<Id, int> numbers;                // question id → its number in the round, as the report numbers it
  std::vector<ResponseEvent> events;        // oldest first
  // Corrections of the questions' wording while the round was open, oldest first, by question id.
  std::map<Id, std::vector<QuestionChange>> changes;
  bool late = false;                        // the deadline's day has passed
};

// Nothing when the response does not exist or the viewer may not see it (audited as in
// response_view).
std::optional<AnsweringView> answering_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id);

// The view of what was handed in under `edition`, in place of the current answers; nothing
// also when that edition was never handed in.
std::optional<ResponseView> handed_in_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                                           int edition);

}  // namespace uppsikt::service
