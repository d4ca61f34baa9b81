#pragma once
// A round's questionnaire as data: its questions in order, each with the item it follows up,
// the item's area and document, and its answer options. For the API; the pages show the same
// through answering_view and the round builder.
#include <map>
#include <optional>
#include <vector>

#include "core/document.h"
#include "core/round.h"
#include "core/scale.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct RoundQuestions {
  Round round;
  std::vector<Question> questions;  // by position
  std::map<Id, Scale> scales;       // by id, those the questions use
  std::map<Id, Node> nodes;         // the items followed up and every area above them, by id
  std::map<Id, Document> documents; // the items' documents, by id
};

// Nothing when the round does not exist or the viewer does not see it (can_see_round).
std::optional<RoundQuestions> round_questions(store::Store& store, const Viewer& viewer, Id round_id);

}  // namespace uppsikt::service
