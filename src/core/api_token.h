#pragma once
// A token for the JSON API, read-only unless it may write. The store keeps only its hash.
// A personal token is made by a person for themselves and acts with their roles. A service
// token is made by an admin for a system (the city's BI tool, the registry) and acts with one
// role on one unit and the units under it, whatever roles the admin who made it holds.
#include <string>

#include "core/id.h"
#include "core/role.h"

namespace uppsikt {

struct ApiToken {
  Id id = 0;
  Id user_id = 0;  // the owner; for a service token, the admin who made it
  std::string name;        // the person's own label ("Power BI"), shown in the audit trail
  std::string token_hash;  // hex of a hash of the token; the token itself is never kept
  bool can_write = false;  // false: GET only
  std::string created_at;  // ISO timestamps, UTC
  std::string expires_at;
  std::string revoked_at;    // empty while it works
  std::string last_used_at;  // empty until first used; updated at most once a minute
  Id service_unit_id = 0;    // a service token's unit; 0 for a personal token
  Role service_role = Role::reader;  // a service token's one role

  bool is_service() const { return service_unit_id != 0; }
};

}  // namespace uppsikt
