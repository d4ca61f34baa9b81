#pragma once
// One row of the append-only audit trail: who did what to which record, when, before and after.
#include <optional>
#include <string>

#include "core/id.h"

namespace uppsikt {

struct AuditEntry {
  Id id = 0;
  std::string at;              // ISO timestamp, UTC
  std::optional<Id> user_id;   // nobody for a failed sign-in or a refused anonymous request
  std::optional<Id> unit_id;   // the unit the record belongs to, for filtering
  std::string action;          // "sign_in", "sign_in_failed", "refused", "user_add" …
  std::string entity;          // "user", "grant", "response" …; empty when none
  std::optional<Id> entity_id;
  std::string before_json;     // the record before and after the change; empty when none
  std::string after_json;
  std::string remote_address;  // empty for the command line
  std::string token_name;      // the API token the change was made with; empty on the pages
};

}  // namespace uppsikt
