#pragma once
// A person who signs in, and the roles they hold on the unit tree.
#include <string>

#include "core/id.h"
#include "core/role.h"

namespace uppsikt {

struct User {
  Id id = 0;
  std::string email;          // lower case; unique
  std::string name;
  std::string password_hash;  // argon2id string as libsodium writes it; never shown
  std::string created_at;     // ISO timestamp, UTC
  bool disabled = false;      // a disabled account cannot sign in
};

// `role` on `unit_id` and every unit under it.
struct Grant {
  Id user_id = 0;
  Role role = Role::reader;
  Id unit_id = 0;

  friend bool operator==(const Grant&, const Grant&) = default;
};

}  // namespace uppsikt
