#pragma once
// "Mina uppföljningar": the open rounds a signed-in person must answer for a unit (their
// respondent grants, the units under them included), the handed-in responses waiting for
// their approval (their approver grants), and for a coordinator the responses handed in and
// not yet approved or returned in the open rounds they coordinate (their own coordinator
// grants: an admin is not given every round's), with the response's status and deadline.
#include <string>
#include <utility>
#include <vector>

#include "core/response.h"
#include "core/round.h"
#include "core/unit.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct MyFollowup {
  Round round;
  Unit unit;
  ResponseStatus status = ResponseStatus::not_started;
  bool to_approve = false;  // handed in and waiting for this person's approval
  bool to_review = false;   // handed in, not yet approved or returned, in a round this person coordinates
  std::string deadline;     // the unit's: its own when it was given a later one, else the round's
  bool deadline_extended = false;
};

// The most handed-in responses listed for review in one round; a national round has thousands,
// which its status board filters.
inline constexpr std::size_t kReviewsPerRound = 100;

struct MyFollowups {
  std::vector<MyFollowup> tasks;  // by deadline (none last), then round and unit name by Swedish rules
  // Rounds whose handed-in responses were more than kReviewsPerRound: the round and how many.
  std::vector<std::pair<Round, std::size_t>> more_to_review;
};

MyFollowups my_followups(store::Store& store, const Viewer& viewer);

// Where a person lands after signing in: their own tasks ("/mina-uppfoljningar") when they
// only answer or approve for units, else the start page with every round they may follow.
std::string start_page(const Viewer& viewer);

}  // namespace uppsikt::service
