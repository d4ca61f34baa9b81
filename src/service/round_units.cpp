#include "service/round_units.h"

#include "core/unit_tree.h"
#include "service/audit.h"

namespace uppsikt::service {

std::vector<Id> round_unit_ids(store::Tx& tx, Id round_id) {
  std::vector<Id> ids;
  for (const auto& r : tx.responses(round_id)) ids.push_back(r.unit_id);
  return ids;
}

std::optional<Round> managed_round(store::Tx& tx, const Viewer& viewer, Id round_id, bool& exists) {
  auto round = tx.round(round_id);
  exists = round.has_value();
  if (!round) return std::nullopt;
  if (!can_manage_round(viewer, UnitTree(tx.units()), *round, round_unit_ids(tx, round_id))) return std::nullopt;
  return round;
}

Outcome refuse_round(store::Store& store, const Viewer& viewer, std::unique_ptr<store::Tx>& tx, bool exists,
                     const std::string& what) {
  tx.reset();
  if (exists) audit_refusal(store, actor_of(viewer), std::nullopt, "not_permitted", what);
  return Outcome::not_found();
}

}  // namespace uppsikt::service
