#pragma once
// Correcting a round after it is built, for those who manage it (service/round_admin.h's
// rules of access): a later deadline for one unit, a unit added to an open round, a question's
// wording corrected while the round is open (kept as a change those who answered see), a
// mistaken draft deleted, a closed round archived out of the start page's list and back.
//
// Each change is validated (Swedish messages naming the form field) and written with its
// audit row in one transaction; a refused change writes nothing.
#include <string>

#include "core/id.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// Gives the unit of an open round its own deadline (ÅÅÅÅ-MM-DD, after the round's), or with
// an empty date takes it back to the round's. Outcome::id is the unit.
Outcome extend_deadline(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                        const std::string& deadline);

// A unit within the viewer's grants joins a draft or open round (a new response); joining an
// open round, its respondents get the mail the others got when it opened. Outcome::id is the unit.
Outcome add_round_unit(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id);

// Corrects a question's wording while its round is open; the earlier wording is kept as a
// QuestionChange, shown beside the question on the answering page. Outcome::id is the question.
Outcome reword_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id,
                        const std::string& text);

// Deletes a draft round and everything of it. It needs the person's confirmation (unconfirmed,
// the outcome says what goes). Outcome::id is the round that was.
Outcome delete_draft_round(store::Store& store, const Viewer& viewer, Id round_id, Confirmed confirmed);

// Takes a closed (or published) round out of the start page's list, or puts it back.
Outcome archive_round(store::Store& store, const Viewer& viewer, Id round_id, bool archived);

}  // namespace uppsikt::service
