#pragma once
// "Mina uppföljningar": the open rounds a signed-in person must answer for a unit (their
// respondent grants, the units under them included), and the handed-in responses waiting for
// their approval (their approver grants), with the response's status and deadline.
#include <string>
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
};

// By deadline (none last), then round and unit name by Swedish rules.
std::vector<MyFollowup> my_followups(store::Store& store, const Viewer& viewer);

// Where a person lands after signing in: their own tasks ("/mina-uppfoljningar") when they
// only answer or approve for units, else the start page with every round they may follow.
std::string start_page(const Viewer& viewer);

}  // namespace uppsikt::service
