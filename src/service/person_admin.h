#pragma once
// People as an admin manages them: who holds roles on the admin's units, inviting a person
// (an invitation link shown once), giving and taking away a role on a unit, a new
// password link, and deactivating an account. An admin acts only on people whose every role
// lies within units they administer; anyone else is "not found". Each change is audited in
// its own transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/role.h"
#include "core/user.h"
#include "service/one_time_links.h"
#include "service/permissions.h"
#include "service/unit_admin.h"
#include "store/store.h"

namespace uppsikt::service {

struct PersonGrant {
  Grant grant;
  std::string unit_name;
  bool by_rule = false;  // given by a sign-in rule (a group at the identity provider), not by hand
};

struct AdminPerson {
  User user;  // password_hash is cleared
  std::vector<PersonGrant> grants;
  std::vector<std::string> identity_issuers;  // the identity providers the person is linked to
};

// The people the viewer may manage, by name in Swedish order. Empty for a non-admin.
std::vector<AdminPerson> administered_people(store::Store& store, const Viewer& viewer);
// One of them, or nothing.
std::optional<AdminPerson> administered_person(store::Store& store, const Viewer& viewer, Id user_id);

struct PersonInput {
  std::string email;
  std::string name;
  std::string role;  // a Role code
  std::optional<Id> unit_id;
};

// Adds the person with one role and makes an invitation link (24 hours, one use).
MadeLink invite_person(store::Store& store, const Viewer& viewer, const PersonInput& input);

Outcome grant_person_role(store::Store& store, const Viewer& viewer, Id user_id, std::string_view role,
                              std::optional<Id> unit_id);
Outcome revoke_person_role(store::Store& store, const Viewer& viewer, Id user_id, std::string_view role,
                               std::optional<Id> unit_id);
// A reset link for the person; their password holds until it is used.
MadeLink person_reset_link(store::Store& store, const Viewer& viewer, Id user_id);
// The person can no longer sign in; their sessions end. Not oneself.
Outcome deactivate_person(store::Store& store, const Viewer& viewer, Id user_id);

}  // namespace uppsikt::service
