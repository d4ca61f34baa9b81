#pragma once
// People and their roles: adding a person, granting a role on a unit (by name), setting a new
// password, and the first administrator of a new database. Each change is audited in its own
// transaction. Expected failures (a bad password, an unknown unit, a taken e-mail) come back
// as a Swedish message, not an exception.
#include <optional>
#include <string>
#include <string_view>

#include "core/role.h"
#include "service/audit.h"
#include "store/store.h"

namespace uppsikt::service {

struct AccountResult {
  std::optional<Id> user_id;  // set on success
  std::string error;          // Swedish, set on failure
  std::string field;          // on failure, the input it is about: "email", "name", "unit", "password"
  bool ok() const { return error.empty(); }
};

struct NewUser {
  std::string email;
  std::string name;
  std::string password;
  Role role = Role::reader;
  std::string unit;  // the unit's name
};

// Adds the person with one grant. The password must pass password_problem().
AccountResult add_user(store::Store& store, const NewUser& user, const Actor& actor);

// Grants `role` on the unit named `unit` to the person with `email`.
AccountResult grant_role(store::Store& store, std::string_view email, Role role, std::string_view unit,
                         const Actor& actor);

// Sets a new password and ends every session of the person.
AccountResult reset_password(store::Store& store, std::string_view email, std::string_view password,
                             const Actor& actor);

// add_user and add_first_admin inside the caller's transaction, with the password already
// hashed (or unusable, for an invitation); nothing is committed.
AccountResult add_user_in(store::Tx& tx, const NewUser& user, const std::string& password_hash, const Actor& actor);
AccountResult add_first_admin_in(store::Tx& tx, const NewUser& user, const std::string& password_hash,
                                 const Actor& actor);

// True when someone holds the admin role.
bool has_admin(store::Store& store);

// The first administrator, granted admin on every root unit (or on a root unit "Organisationen"
// created for it when there are no units). Fails when an admin exists.
AccountResult add_first_admin(store::Store& store, const NewUser& user, const Actor& actor);

}  // namespace uppsikt::service
