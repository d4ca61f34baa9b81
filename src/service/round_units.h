#pragma once
// The units taking part in a round (those with a response to it), as the permission rules of
// service/permissions.h take them.
#include <vector>

#include "core/id.h"
#include "store/store.h"

namespace uppsikt::service {

std::vector<Id> round_unit_ids(store::Tx& tx, Id round_id);

}  // namespace uppsikt::service
