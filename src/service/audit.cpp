#include "service/audit.h"

#include <nlohmann/json.hpp>

#include "service/clock.h"

namespace uppsikt::service {

Actor actor_of(const Viewer& viewer) { return Actor{viewer.user_id, viewer.remote_address, viewer.token_name}; }

void audit(store::Tx& tx, const Actor& actor, AuditEntry entry) {
  if (entry.at.empty()) entry.at = now_iso();
  entry.user_id = actor.user_id;
  entry.remote_address = actor.remote_address;
  entry.token_name = actor.token_name;
  tx.add_audit(entry);
}

void audit_refusal(store::Store& store, const Actor& actor, std::optional<Id> unit_id,
                   std::string_view reason, std::string_view what) {
  auto tx = store.begin();
  audit(*tx, actor,
        AuditEntry{.unit_id = unit_id,
                   .action = "refused",
                   .after_json = nlohmann::json{{"reason", reason}, {"request", what}}.dump()});
  tx->commit();
}

}  // namespace uppsikt::service
