#pragma once
// People and their roles: adding a person, granting a role on a unit (by name), setting a new
// password, and the first administrator of a new database. Each change is audited in its own
// transaction. Expected failures (a bad password, an unknown unit, a taken e-mail) come back
// as refusals (service/outcome.h) naming the field: "email", "name", "unit", "password".
#include <optional>
#include <string>
#include <string_view>

#include "core/role.h"
#include "service/audit.h"
#include "service/outcome.h"
#include "store/store.h"

namespace uppsikt::service {

struct NewUser {
  std::string email;
  std::string name;
  std::string password;
  Role role = Role::reader;
  std::string unit;  // the unit's name
};

// Adds the person with one grant. The password must pass password_problem().
Outcome add_user(store::Store& store, const NewUser& user, const Actor& actor);

// Grants `role` on the unit named `unit` to the person with `email`.
Outcome grant_role(store::Store& store, std::string_view email, Role role, std::string_view unit,
                         const Actor& actor);

// Sets a new password and ends every session of the person.
Outcome reset_password(store::Store& store, std::string_view email, std::string_view password,
                             const Actor& actor);

// add_user and add_first_admin inside the caller's transaction, with the password already
// hashed (or unusable, for an invitation); nothing is committed.
Outcome add_user_in(store::Tx& tx, const NewUser& user, const std::string& password_hash, const Actor& actor);
Outcome add_first_admin_in(store::Tx& tx, const NewUser& user, const std::string& password_hash,
                                 const Actor& actor);

// True when someone holds the admin role.
bool has_admin(store::Store& store);

// The first administrator, granted admin on every root unit (or on a root unit "Organisationen"
// created for it when there are no units). A conflict when an admin exists.
Outcome add_first_admin(store::Store& store, const NewUser& user, const Actor& actor);

}  // namespace uppsikt::service
