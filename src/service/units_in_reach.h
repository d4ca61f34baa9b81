#pragma once
// The units a person reaches: those they hold any role on, and every unit under them. The
// API's unit tree lists these; a foreign town's units are not there.
#include <vector>

#include "core/unit.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// By id; each with its parent (which may lie outside the reach, for the top units).
std::vector<Unit> units_in_reach(store::Store& store, const Viewer& viewer);

}  // namespace uppsikt::service
