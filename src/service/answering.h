#pragma once
// Answering a round: saving one answer against the version the person saw, handing in,
// approval, send-back, return and reopening. Every permission and status rule of answering
// lives here, and every change is audited in its own transaction.
//
// The life of a response:
//   not_started → draft          the first saved answer
//   draft/returned → submitted   hand-in by a respondent: every question the unit is asked is
//                                answered, with the comments the question requires
//   submitted → approved         by the unit's approver, when the round requires approval
//   submitted → returned         sent back by the approver, with a message
//   submitted/approved → returned  returned by a coordinator of the unit, with a message
// A return raises the response's edition; what was handed in under the earlier edition stays
// readable (store::Tx::handed_in_answers).
//
// Who: respondents of the unit (or admins) answer and hand in; approvers of the unit approve
// and send back; coordinators of the unit (granted on it or above) return and reopen.
// When: only while the round is open, or after it closed for a unit a coordinator reopened.
// A passed deadline does not stop anyone: answering and hand-in go on while the round is
// open, and a hand-in after the deadline's day is marked late (ResponseEvent::late).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/response.h"
#include "core/round.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// The longest comment kept, in characters: a few pages of text.
inline constexpr std::size_t kMaxCommentChars = 10'000;
// The longest message of a send-back or return, in characters.
inline constexpr std::size_t kMaxMessageChars = 4'000;

// A use case of answering says no as every service does (service/outcome.h): not found (no
// such round, unit, response or question, or one the person may not see), not allowed (the
// person sees the response but lacks the role), conflict (the round's or the response's status
// does not allow it now, or someone else changed the answer meanwhile), invalid (each error on
// a question's option or comment, or on the message, named as service/answer_fields.h names
// the form's fields) or unconfirmed.

// One answer as the person sends it.
struct AnswerInput {
  Id question_id = 0;
  std::string choice;   // one of the question's options, or empty to clear it
  std::string comment;
  int seen_version = 0; // the version the person's form showed; 0 when it showed no answer
};

struct SaveOutcome : Outcome {
  // saved: the answer as stored (new version, time); conflict: the one saved meanwhile,
  // with who and when.
  std::optional<Answer> answer;
};

// A comment as it is stored: without the carriage returns that browsers send with line breaks.
std::string stored_comment(std::string_view comment);
// A short fingerprint of an answer as it would be stored. The answering form carries it for
// each question, so that answers the person left as the page showed them are not sent to be
// saved (and so never meet a conflict).
std::string answer_check(std::string_view choice, std::string_view comment);

// What the viewer may do with a response now; the pages show only these actions.
struct Allowed {
  bool answer = false;     // save answers and hand in
  bool approve = false;    // approve or send back
  bool return_response = false;  // return to the unit (coordinator)
  bool reopen = false;     // open a closed round again for the unit (coordinator)
};

Allowed allowed_actions(const Viewer& viewer, const UnitTree& tree, const Round& round,
                        const Response& response);

// Whether a hand-in now (today, UTC) is after the unit's deadline (its own, else the round's).
bool past_deadline(const Round& round, const Response& response);

// The problems that stop `answers` from being handed in for `unit`: a question asked of the
// unit without an answer, or without a comment its rule requires.
std::vector<FieldError> hand_in_problems(const std::vector<Question>& questions, const Unit& unit,
                                         const std::vector<Answer>& answers);

// The answers of one form, saved in one transaction after one check of who and when: each
// input's outcome in order (a refused answer writes nothing, the others are saved). A refusal
// of the whole (no such response, not the person's, not now) leaves `answers` empty.
struct FormOutcome : Outcome {
  std::vector<SaveOutcome> answers;
};

FormOutcome save_answers(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                         const std::vector<AnswerInput>& inputs);
SaveOutcome save_answer(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                        const AnswerInput& input);
Outcome hand_in(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id);
// Approving and returning cannot be undone by the one who does it: each needs the person's
// confirmation (service/outcome.h), without which it is refused as unconfirmed.
Outcome approve(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, Confirmed confirmed);
Outcome send_back(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id, std::string_view message);
Outcome return_response(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                        std::string_view message, Confirmed confirmed);
Outcome reopen_for_unit(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id);

}  // namespace uppsikt::service
