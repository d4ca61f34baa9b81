#include "service/units_in_reach.h"

#include <algorithm>

#include "core/unit_tree.h"

namespace uppsikt::service {

std::vector<Unit> units_in_reach(store::Store& store, const Viewer& viewer) {
  auto units = store.begin_read()->units();
  const UnitTree tree(units);
  std::erase_if(units, [&](const Unit& unit) { return !holds_any(viewer, tree, unit.id); });
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.id < b.id; });
  return units;
}

}  // namespace uppsikt::service
