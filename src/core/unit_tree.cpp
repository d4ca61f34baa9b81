#include "core/unit_tree.h"

namespace uppsikt {

UnitTree::UnitTree(const std::vector<Unit>& units) {
  parent_.reserve(units.size());
  for (const auto& u : units)
    if (u.parent_id) parent_.emplace(u.id, *u.parent_id);
}

std::optional<Id> UnitTree::parent(Id unit) const {
  auto it = parent_.find(unit);
  if (it == parent_.end()) return std::nullopt;
  return it->second;
}

bool unit_within(const UnitTree& tree, Id unit, Id ancestor) {
  std::optional<Id> current = unit;
  // No walk is longer than the number of links; more steps means a cycle.
  for (std::size_t steps = 0; current && steps <= tree.links(); ++steps) {
    if (*current == ancestor) return true;
    current = tree.parent(*current);
  }
  return false;
}

}  // namespace uppsikt
