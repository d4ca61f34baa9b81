#pragma once
// Who may see what: every rule about roles on the unit tree, in one place. A role granted on
// a unit holds for that unit and every unit under it; admin holds for everything under the
// unit it is granted on (the whole organisation when granted on the root).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/publication.h"
#include "core/round.h"
#include "core/unit_tree.h"
#include "core/user.h"

namespace uppsikt::service {

// The signed-in person as the use cases see them.
struct Viewer {
  Id user_id = 0;
  std::string name;
  std::string email;
  std::vector<Grant> grants;
  std::string remote_address;  // where the request came from, for the audit trail
  std::string token_name;      // the API token the request came with; empty on the pages
};

// True when the viewer holds `role` (or admin) on `unit` or a unit above it.
bool holds(const Viewer& viewer, const UnitTree& tree, Role role, Id unit);

// True when the viewer holds any role on `unit` or above it.
bool holds_any(const Viewer& viewer, const UnitTree& tree, Id unit);

// True when the viewer holds `role` (or admin) on every root of `units`, and there is one:
// the whole organisation is theirs (records that belong to no unit are for them).
bool holds_everywhere(const Viewer& viewer, const UnitTree& tree, const std::vector<Unit>& units, Role role);

// A unit's response to a round: admins, coordinators, respondents and approvers of the unit
// see it whatever the round's status; readers of the unit once the round is published.
bool can_view_response(const Viewer& viewer, const UnitTree& tree, const Round& round, Id unit);

// Who runs a round: admins and coordinators on the round's unit; for a round without one
// (made by an import), those holding that role on every unit taking part.
bool can_manage_round(const Viewer& viewer, const UnitTree& tree, const Round& round,
                      const std::vector<Id>& round_units);
// Whether a round exists for the viewer at all: they hold a role on its unit or on a unit taking
// part. To anyone else it looks missing (404), like a foreign unit's id.
bool can_see_round(const Viewer& viewer, const UnitTree& tree, const Round& round,
                   const std::vector<Id>& round_units);

// The compiled report of a round the viewer sees (can_see_round): admins and coordinators
// whatever the round's status, readers once it is published. It counts only the units whose
// responses the viewer may see.
bool can_view_compiled(const Viewer& viewer, const UnitTree& tree, const Round& round,
                       const std::vector<Id>& round_units);

// Comments may hold personal data, so a round published without comments is read without
// them by those who see it only as readers, inside the system as on the public page; those
// who answer, approve or run the round see the comments. For one unit's response:
bool sees_comments(const Viewer& viewer, const UnitTree& tree, Id unit, const std::optional<Publication>& publication);
// For the compiled report: admins and coordinators see them, readers as published.
bool sees_compiled_comments(const Viewer& viewer, const std::optional<Publication>& publication);

// The units of `units` whose responses to `round` the viewer may see.
std::set<Id> visible_units(const Viewer& viewer, const UnitTree& tree,
                           const std::vector<Unit>& units, const Round& round);

}  // namespace uppsikt::service
