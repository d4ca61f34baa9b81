#pragma once
// Tokens for the JSON API, each with a name, read-only or read-write, and an expiry of at most a
// year. The token is shown once: the store keeps only its hash. A read-only one only reads.
// - A personal token is made by a person for themselves (on their own page, or `uppsikt token
//   add --email`) and acts with its owner's roles as they are at each request, never with more.
//   Its owner revokes it; a disabled account's tokens stop working.
// - A service token is made by an admin for a system, bound to one role on one unit they
//   administer, and acts with that role on that unit and the units under it, nothing else. It
//   belongs to the unit, not to the admin: it keeps working when the admin leaves, and any admin
//   of the unit sees and revokes it.
// Making and revoking are audited, and every change made with a token is audited with its name
// (Viewer::token_name) beside the person who owns or made it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_token.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

inline constexpr int kMaxTokenDays = 365;
inline constexpr int kDefaultTokenDays = 90;
inline constexpr std::size_t kMaxTokenNameChars = 100;
// What every API token starts with, so that a leaked one is recognised (by secret scanners too).
inline constexpr std::string_view kApiTokenPrefix = "upp_";

struct NewApiToken {
  std::string name;
  bool can_write = false;
  int days = kDefaultTokenDays;  // 1 … kMaxTokenDays
};

// Outcome: done with the token's id, or invalid naming the field ("namn", "dagar").
struct MadeToken {
  Outcome outcome;
  std::string token;  // done: the token itself, to show once
};

MadeToken create_api_token(store::Store& store, const Viewer& viewer, const NewApiToken& token,
                           const Clock& clock = system_now);
// For the command line: a token for the person with `email` (not found when there is none).
MadeToken create_api_token_for(store::Store& store, std::string_view email, const NewApiToken& token,
                               const Actor& actor, const Clock& clock = system_now);

struct NewServiceToken {
  std::string name;
  Role role = Role::reader;  // never admin: a system has no business administering
  Id unit_id = 0;
  bool can_write = false;    // a reader's token only reads
  int days = kDefaultTokenDays;
};

// Outcome: done, or invalid naming the field ("namn", "dagar", "roll", "enhet"); not found for
// a non-admin.
MadeToken create_service_token(store::Store& store, const Viewer& viewer, const NewServiceToken& token,
                               const Clock& clock = system_now);
// For the command line: a service token made by the admin with `email`, with the same rules.
MadeToken create_service_token_for(store::Store& store, std::string_view email, const NewServiceToken& token,
                                   const Clock& clock = system_now);
// The service tokens on units the viewer administers, newest first. Empty for a non-admin.
std::vector<ApiToken> service_tokens(store::Store& store, const Viewer& viewer);
// Revokes a service token on a unit the viewer administers; not found for any other.
Outcome revoke_service_token(store::Store& store, const Viewer& viewer, Id token_id,
                             const Clock& clock = system_now);

// The viewer's own tokens, newest first (their hashes are of no use to anyone).
std::vector<ApiToken> api_tokens(store::Store& store, const Viewer& viewer);

// Revokes one of the viewer's own tokens; not found for anyone else's or a revoked one.
Outcome revoke_api_token(store::Store& store, const Viewer& viewer, Id token_id, const Clock& clock = system_now);

// Who a request's bearer token speaks for, or why it speaks for nobody.
struct ApiCaller {
  Viewer viewer;  // token_name set, remote_address left to the caller
  Id token_id = 0;
  bool can_write = false;
};
enum class TokenProblem { none, unknown, expired, revoked };
struct Authenticated {
  std::optional<ApiCaller> caller;
  TokenProblem problem = TokenProblem::none;
};

// Looks the token up by its hash; expired, revoked, unknown, malformed and a disabled owner's
// tokens are refused. Notes the use, at most once a minute.
Authenticated authenticate_api_token(store::Store& store, std::string_view token, const Clock& clock = system_now);

// Whether the caller may make a change: a read-only token only reads.
bool may_write(const ApiCaller& caller);

}  // namespace uppsikt::service
