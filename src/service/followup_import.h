#pragma once
// Saves what an old follow-up holds into a round: its documents' areas and items, the
// round's questions and the unit's response with its answers. Existing areas, items and
// questions are matched by number and text, never duplicated, so saving the same follow-up
// twice changes nothing the second time.
#include <string_view>

#include "core/response.h"
#include "importer/followup.h"
#include "store/store.h"

namespace uppsikt::service {

struct ImportCounts {
  int documents_created = 0;
  int documents_matched = 0;
  int nodes_created = 0;
  int nodes_matched = 0;
  int questions_created = 0;
  int questions_matched = 0;
  int answers_saved = 0;
  int answers_unchanged = 0;
};

// Runs inside the caller's transaction; the caller commits. The response gets `status`
// when it is created; an existing response keeps its status.
ImportCounts save_followup(store::Tx& tx, const importer::FollowUp& followup, Id round_id, Id unit_id,
                           std::string_view changed_by, ResponseStatus status);

// The standard scale (Ja, Nej, Delvis, Ej aktuellt), created on first use.
Id standard_scale(store::Tx& tx);

}  // namespace uppsikt::service
