#pragma once
// A personal access token for the JSON API: a person makes it for themselves and it acts with
// their roles, read-only unless it may write. The store keeps only a hash of the token.
#include <string>

#include "core/id.h"

namespace uppsikt {

struct ApiToken {
  Id id = 0;
  Id user_id = 0;
  std::string name;        // the person's own label ("Power BI"), shown in the audit trail
  std::string token_hash;  // hex of a hash of the token; the token itself is never kept
  bool can_write = false;  // false: GET only
  std::string created_at;  // ISO timestamps, UTC
  std::string expires_at;
  std::string revoked_at;    // empty while it works
  std::string last_used_at;  // empty until first used; updated at most once a minute
};

}  // namespace uppsikt
