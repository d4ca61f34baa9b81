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

bool holds_everywhere(const Viewer& viewer, const UnitTree& tree, const std::vector<Unit>& units, Role role) {
  bool any = false;
  for (const auto& u : units) {
    if (u.parent_id) continue;
    if (!holds(viewer, tree, role, u.id)) return false;
    any = true;
  }
  return any;
}

bool can_view_response(const Viewer& viewer, const UnitTree& tree, const Round& round, Id unit) {
  for (Role role : {Role::coordinator, Role::respondent, Role::approver})
    if (holds(viewer, tree, role, unit)) return true;
  return round.status == RoundStatus::published && holds(viewer, tree, Role::reader, unit);
}

bool sees_comments(const Viewer& viewer, const UnitTree& tree, Id unit, const std::optional<Publication>& publication) {
  for (Role role : {Role::coordinator, Role::respondent, Role::approver})
    if (holds(viewer, tree, role, unit)) return true;
  return !publication || publication->with_comments;
}

bool sees_compiled_comments(const Viewer& viewer, const std::optional<Publication>& publication) {
  for (const auto& g : viewer.grants)
    if (g.role == Role::admin || g.role == Role::coordinator) return true;
  return !publication || publication->with_comments;
}

bool can_manage_round(const Viewer& viewer, const UnitTree& tree, const Round& round,
                      const std::vector<Id>& round_units) {
  if (round.unit_id) return holds(viewer, tree, Role::coordinator, *round.unit_id);
  if (round_units.empty()) return false;
  for (Id unit : round_units)
    if (!holds(viewer, tree, Role::coordinator, unit)) return false;
  return true;
}

bool can_see_round(const Viewer& viewer, const UnitTree& tree, const Round& round,
                   const std::vector<Id>& round_units) {
  if (round.unit_id && holds_any(viewer, tree, *round.unit_id)) return true;
  for (Id unit : round_units)
    if (holds_any(viewer, tree, unit)) return true;
  return false;
}

bool can_view_compiled(const Viewer& viewer, const UnitTree& tree, const Round& round,
                       const std::vector<Id>& round_units) {
  if (!can_see_round(viewer, tree, round, round_units)) return false;
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
