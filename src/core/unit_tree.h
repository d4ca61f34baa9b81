#pragma once
// The organisation tree as parent links, for the rule "granted on a unit and the units under
// it".
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/id.h"
#include "core/unit.h"

namespace uppsikt {

class UnitTree {
 public:
  explicit UnitTree(const std::vector<Unit>& units);
  // The parent of `unit`, or nothing for a root or an unknown unit.
  std::optional<Id> parent(Id unit) const;
  // The number of parent links: no walk up the tree is longer.
  std::size_t links() const { return parent_.size(); }

 private:
  std::unordered_map<Id, Id> parent_;  // child → parent, for units that have one
};

// True when `unit` is `ancestor` or lies under it. A unit missing from the tree is within
// nothing but itself; a cycle in the stored parents ends the walk instead of looping.
bool unit_within(const UnitTree& tree, Id unit, Id ancestor);

}  // namespace uppsikt
