#include "service/round_units.h"

namespace uppsikt::service {

std::vector<Id> round_unit_ids(store::Tx& tx, Id round_id) {
  std::vector<Id> ids;
  for (const auto& r : tx.responses(round_id)) ids.push_back(r.unit_id);
  return ids;
}

}  // namespace uppsikt::service
