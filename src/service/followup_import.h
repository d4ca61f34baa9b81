#pragma once
// Saves what an old follow-up holds into a round: its documents' areas and items, the
// round's questions and the unit's response with its answers. Existing areas, items and
// questions are matched by number and text, never duplicated, so saving the same follow-up
// twice changes nothing the second time.
#include <optional>
#include <string>
#include <vector>

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
  // What a caller that enforces the rules of the pages must know (service/web_import.h):
  bool response_created = false;            // the unit was not in the round before
  int new_edition = 0;                      // the edition made of a handed-in response; 0 when none
  std::vector<Id> documents_extended;       // existing documents that got new areas or items
};

// Where an import saves and in whose name.
struct ImportTarget {
  Id round_id = 0;
  Id unit_id = 0;
  std::string changed_by;  // shown beside each saved answer
  // The status of a response the import creates (an old follow-up is handed in); an
  // existing response keeps its status.
  ResponseStatus status = ResponseStatus::submitted;
  // The unit that keeps a governing document the import creates.
  std::optional<Id> document_unit;
};

// Runs inside the caller's transaction; the caller commits. A response that is handed in or
// approved is never changed in place: when the file changes its answers, they go into a new
// edition, handed in, and the earlier one stays readable (as after a return).
ImportCounts save_followup(store::Tx& tx, const importer::FollowUp& followup, const ImportTarget& target);

// The standard scale (Ja, Nej, Delvis, Ej aktuellt), created on first use.
Id standard_scale(store::Tx& tx);

}  // namespace uppsikt::service
