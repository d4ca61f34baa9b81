#pragma once
// A signed-in session and a sign-in attempt, as the store keeps them.
#include <string>

#include "core/id.h"

namespace uppsikt {

struct Session {
  std::string token_hash;    // hex of a hash of the cookie's token; the token itself is never kept
  Id user_id = 0;
  std::string csrf_token;    // what every state-changing request of the session must carry
  std::string created_at;    // ISO timestamps, UTC: for the absolute expiry …
  std::string last_seen_at;  // … and the idle expiry
  std::string provider;      // the identity provider signed in through; empty for a password
};

// One sign-in attempt, kept for throttling per account and per address.
struct LoginAttempt {
  std::string at;  // ISO timestamp, UTC
  std::string email;
  std::string remote_address;
  bool succeeded = false;
};

}  // namespace uppsikt
