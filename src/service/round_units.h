#pragma once
// The units taking part in a round (those with a response to it), as the permission rules of
// service/permissions.h take them, and the round as those who manage it reach it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/id.h"
#include "core/round.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

std::vector<Id> round_unit_ids(store::Tx& tx, Id round_id);

// The round, read in `tx`, when it exists and the viewer may manage it (can_manage_round);
// `exists` tells a forbidden round from a missing one.
std::optional<Round> managed_round(store::Tx& tx, const Viewer& viewer, Id round_id, bool& exists);
// Ends `tx` writing nothing and answers not found, as for a missing round; when the round
// exists but is not the viewer's, the refusal is audited.
Outcome refuse_round(store::Store& store, const Viewer& viewer, std::unique_ptr<store::Tx>& tx, bool exists,
                     const std::string& what);

}  // namespace uppsikt::service
