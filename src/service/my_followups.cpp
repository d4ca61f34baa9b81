#include "service/my_followups.h"

#include <algorithm>

#include "core/collate.h"
#include "core/unit_tree.h"

namespace uppsikt::service {
namespace {

// Only the person's own respondent grants: an admin is not asked to answer for everyone.
bool responds_for(const Viewer& viewer, const UnitTree& tree, Id unit) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(), [&](const Grant& g) {
    return g.role == Role::respondent && unit_within(tree, unit, g.unit_id);
  });
}

bool approves_for(const Viewer& viewer, const UnitTree& tree, Id unit) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(), [&](const Grant& g) {
    return g.role == Role::approver && unit_within(tree, unit, g.unit_id);
  });
}

bool before(const MyFollowup& a, const MyFollowup& b) {
  if (a.round.deadline != b.round.deadline) {
    if (a.round.deadline.empty() || b.round.deadline.empty()) return b.round.deadline.empty();
    return a.round.deadline < b.round.deadline;
  }
  if (a.round.name != b.round.name) return swedish_less(a.round.name, b.round.name);
  return swedish_less(a.unit.name, b.unit.name);
}

}  // namespace

std::vector<MyFollowup> my_followups(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  const auto units = tx->units();
  const UnitTree tree(units);
  std::vector<MyFollowup> out;
  for (const auto& round : tx->rounds()) {
    if (round.status != RoundStatus::open) continue;
    for (const auto& response : tx->responses(round.id)) {
      const bool to_approve = round.requires_approval && response.status == ResponseStatus::submitted &&
                              approves_for(viewer, tree, response.unit_id);
      if (!to_approve && !responds_for(viewer, tree, response.unit_id)) continue;
      auto unit = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == response.unit_id; });
      if (unit != units.end()) out.push_back({round, *unit, response.status, to_approve});
    }
  }
  std::sort(out.begin(), out.end(), before);
  return out;
}

std::string start_page(const Viewer& viewer) {
  const bool tasks_only = !viewer.grants.empty() && std::all_of(viewer.grants.begin(), viewer.grants.end(), [](const Grant& g) {
    return g.role == Role::respondent || g.role == Role::approver;
  });
  return tasks_only ? "/mina-uppfoljningar" : "/";
}

}  // namespace uppsikt::service
