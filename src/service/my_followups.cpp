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

// Whether the person's own coordinator grants cover the round: its organising unit, or without
// one every unit taking part (as can_manage_round, but without an admin's reach).
bool coordinates(const Viewer& viewer, const UnitTree& tree, const Round& round, const std::vector<Response>& responses) {
  auto covered = [&](Id unit) {
    return std::any_of(viewer.grants.begin(), viewer.grants.end(), [&](const Grant& g) {
      return g.role == Role::coordinator && unit_within(tree, unit, g.unit_id);
    });
  };
  if (round.unit_id) return covered(*round.unit_id);
  return !responses.empty() &&
         std::all_of(responses.begin(), responses.end(), [&](const Response& r) { return covered(r.unit_id); });
}

bool before(const MyFollowup& a, const MyFollowup& b) {
  if (a.deadline != b.deadline) {
    if (a.deadline.empty() || b.deadline.empty()) return b.deadline.empty();
    return a.deadline < b.deadline;
  }
  if (a.round.name != b.round.name) return swedish_less(a.round.name, b.round.name);
  return swedish_less(a.unit.name, b.unit.name);
}

}  // namespace

MyFollowups my_followups(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  const auto units = tx->units();
  const UnitTree tree(units);
  MyFollowups out;
  for (const auto& round : tx->rounds()) {
    if (round.status != RoundStatus::open) continue;
    const auto responses = tx->responses(round.id);
    const bool coordinator = coordinates(viewer, tree, round, responses);
    std::size_t reviews = 0;
    for (const auto& response : responses) {
      const bool handed_in = response.status == ResponseStatus::submitted;
      const bool to_approve = round.requires_approval && handed_in && approves_for(viewer, tree, response.unit_id);
      const bool to_review = coordinator && handed_in && !to_approve;
      if (to_review && ++reviews > kReviewsPerRound) continue;
      if (!to_approve && !to_review && !responds_for(viewer, tree, response.unit_id)) continue;
      auto unit = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == response.unit_id; });
      if (unit != units.end()) out.tasks.push_back({round, *unit, response.status, to_approve, to_review,
                                                    deadline_for(response, round.deadline), !response.deadline.empty()});
    }
    if (reviews > kReviewsPerRound) out.more_to_review.emplace_back(round, reviews);
  }
  std::sort(out.tasks.begin(), out.tasks.end(), before);
  return out;
}

std::string start_page(const Viewer& viewer) {
  const bool tasks_only = !viewer.grants.empty() && std::all_of(viewer.grants.begin(), viewer.grants.end(), [](const Grant& g) {
    return g.role == Role::respondent || g.role == Role::approver;
  });
  return tasks_only ? "/mina-uppfoljningar" : "/";
}

}  // namespace uppsikt::service
