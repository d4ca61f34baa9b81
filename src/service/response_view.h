#pragma once
// A unit's response to a round, laid out like the follow-up document it replaces: the
// governing documents' headings in order and, under each, the questions with the item they
// follow up, the answer and the comment.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/response.h"
#include "core/round.h"
#include "core/unit.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct AnsweredQuestion {
  Question question;
  std::optional<Node> item;  // the strategy or measure followed up
  std::optional<Answer> answer;
};

struct ResponseBlock {
  std::string number;  // "1.1.1"
  std::string title;
  int level = 1;       // 1 for a document, 2 for its areas, and so on
  std::vector<AnsweredQuestion> questions;
};

struct ResponseView {
  Round round;
  Unit unit;
  std::optional<Unit> parent;
  Response response;
  std::vector<ResponseBlock> blocks;
  int answered = 0;
  int questions = 0;
};

// Nothing when the round, the unit or the unit's response to the round does not exist.
// Checks no permission: for the command line and tests; pages use the overload below.
std::optional<ResponseView> response_view(store::Store& store, Id round_id, Id unit_id);

// As above, and nothing also when the viewer may not see the unit's response: a foreign
// unit's id looks the same as one that does not exist. Such a refusal is audited.
std::optional<ResponseView> response_view(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id);

// The view as `viewer` may see it, read in `tx`, which the caller may go on reading in, with
// the unit's path to the root for further permission checks. When the view is missing or
// refused, `tx` is ended first, so that a refusal is audited in a transaction of its own.
struct PermittedView {
  std::optional<ResponseView> view;
  std::vector<Unit> path;  // the unit and every unit above it
};
PermittedView permitted_view(store::Store& store, std::unique_ptr<store::Tx>& tx, const Viewer& viewer,
                             Id round_id, Id unit_id);

}  // namespace uppsikt::service
