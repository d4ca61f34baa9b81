#pragma once
// The audit trail as the use cases write it: each change adds its row in the change's own
// transaction, so a change without its row (or a row without its change) cannot be committed.
#include <optional>
#include <string>
#include <string_view>

#include "core/audit.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// Who does something, for the audit trail: nobody (the command line) or a signed-in person,
// and the address the request came from.
struct Actor {
  std::optional<Id> user_id;
  std::string remote_address;
  std::string token_name;  // the API token the person acts with; empty on the pages
};

// The signed-in person (on a page or through an API token) as the audit trail names them.
Actor actor_of(const Viewer& viewer);

// Adds `entry` in `tx`, stamped with the actor and (when `entry.at` is empty) the time now.
void audit(store::Tx& tx, const Actor& actor, AuditEntry entry);

// A refused request (forbidden, a foreign unit's id, a bad CSRF token), in a transaction of
// its own: nothing else changed. `what` says what was asked for ("GET /omgangar/1/svar/7").
void audit_refusal(store::Store& store, const Actor& actor, std::optional<Id> unit_id,
                   std::string_view reason, std::string_view what);

}  // namespace uppsikt::service
