#pragma once
// Who signs in through a provider, and the roles the sign-in rules give them; used by
// ExternalSignIn inside its sign-in transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/user.h"
#include "service/audit.h"
#include "service/id_token.h"
#include "service/sign_in_settings.h"
#include "store/store.h"

namespace uppsikt::service {

struct PersonFound {
  std::optional<User> user;  // nothing: no account, and none may be created
  bool linked = false;       // the identity was linked now
  bool created = false;      // the account was created now
};

// The person with the identity (issuer, subject); else the account with the token's verified
// e-mail address, linked to the identity; else, when `just_in_time`, a new account (with
// `unusable_password_hash`) linked to it. Audits the link and the creation.
PersonFound find_person(store::Tx& tx, const std::string& issuer, const IdTokenClaims& claims, bool just_in_time,
                        const std::string& unusable_password_hash, const Actor& actor, const std::string& now);

// Makes the person's rule-given grants what the rules give for `groups` at `provider`:
// adds the missing ones and takes away those no rule gives any more; hand-given grants stay.
// Each change is audited (grant_rule_add, grant_rule_remove). A rule naming a unit that
// does not exist is skipped.
void apply_role_rules(store::Tx& tx, Id user_id, const std::string& provider, const std::vector<std::string>& groups,
                      const std::vector<RoleRule>& rules, const Actor& actor);

}  // namespace uppsikt::service
