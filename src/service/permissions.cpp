#include "service/permissions.h"

namespace uppsikt::service {

bool holds(const Viewer& viewer, const UnitTree& tree, Role role, Id unit) {
  for (const auto& g : viewer.grants)
    if ((g.role == role || g.role == Role::admin) && unit_within(tree, unit, g.unit_id)) return true;
  return false;
}

bool holds_any(const Viewer& viewer, const UnitTree& tree, Id unit) {
  for (const auto& g : viewer.grants)
    if (unit_within(tree, unit, g.unit_id)) return true;
  return false;
}

bool can_view_response(const Viewer& viewer, const UnitTree& tree, const Round& round, Id unit) {
  for (Role role : {Role::coordinator, Role::respondent, Role::approver})
    if (holds(viewer, tree, role, unit)) return true;
  return round.status == RoundStatus::published && holds(viewer, tree, Role::reader, unit);
}

bool can_view_compiled(const Viewer& viewer, const Round& round) {
  for (const auto& g : viewer.grants) {
    if (g.role == Role::admin || g.role == Role::coordinator) return true;
    if (g.role == Role::reader && round.status == RoundStatus::published) return true;
  }
  return false;
}

std::set<Id> visible_units(const Viewer& viewer, const UnitTree& tree,
                           const std::vector<Unit>& units, const Round& round) {
  std::set<Id> out;
  for (const auto& u : units)
    if (can_view_response(viewer, tree, round, u.id)) out.insert(u.id);
  return out;
}

}  // namespace uppsikt::service
