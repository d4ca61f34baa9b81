#pragma once
// Units as an admin manages them: the tree they administer, and creating, renaming, moving and
// closing a unit. An admin acts only within the units they hold admin on; any other unit is
// "not found", as if it did not exist. Every change is audited in its own transaction;
// refusals (service/outcome.h) name the field where there is one, and write nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "service/audit.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// One unit in the admin's list: depth for indenting, parent's name for reading.
struct AdminUnit {
  Unit unit;
  int depth = 0;
  std::string parent_name;
};

// The units the viewer administers, depth first, siblings in Swedish order. Empty for a
// non-admin.
std::vector<AdminUnit> administered_units(store::Store& store, const Viewer& viewer);

// True when the viewer holds admin on some unit.
bool is_admin(const Viewer& viewer);

struct UnitInput {
  std::string name;
  std::string kind;               // a UnitKind code
  std::optional<Id> parent_id;    // none: a root, for an admin of every root
};

Outcome create_unit(store::Store& store, const Viewer& viewer, const UnitInput& input);
Outcome rename_unit(store::Store& store, const Viewer& viewer, Id unit_id, std::string_view name);
// Moves the unit under `parent_id` (none: makes it a root). Refuses a move under itself or a
// unit below it.
Outcome move_unit(store::Store& store, const Viewer& viewer, Id unit_id, std::optional<Id> parent_id);
// A closed unit keeps its history but is asked nothing new.
Outcome close_unit(store::Store& store, const Viewer& viewer, Id unit_id);

}  // namespace uppsikt::service
