#include "service/api_tokens.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/unit_tree.h"
#include "service/sessions.h"
#include "service/unit_admin.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

constexpr std::chrono::seconds kTouchEvery{60};

std::string token_json(const ApiToken& token) {
  nlohmann::json out{{"name", token.name},
                     {"can_write", token.can_write},
                     {"expires_at", token.expires_at},
                     {"revoked_at", token.revoked_at}};
  if (token.is_service()) out["role"] = to_code(token.service_role);
  return out.dump();
}

std::vector<FieldError> problems(const std::string& name, int days) {
  std::vector<FieldError> errors;
  const auto length = utf8_length(name);
  if (!length || *length == 0)
    errors.push_back({"namn", "Skriv ett namn på nyckeln, till exempel vad den ska användas till."});
  else if (*length > kMaxTokenNameChars)
    errors.push_back({"namn", "Namnet får vara högst 100 tecken."});
  if (days < 1 || days > kMaxTokenDays)
    errors.push_back({"dagar", "En nyckel gäller i 1–365 dagar."});
  return errors;
}

// Checks and stores `stored` (its name, rights, owner and service binding set), valid for
// `days` from now, and gives the token back once. Audited on the service token's unit.
MadeToken add_token(store::Tx& tx, ApiToken stored, int days, std::vector<FieldError> errors, const Actor& actor,
                    TimePoint now) {
  stored.name = collapse_space(stored.name);
  auto more = problems(stored.name, days);
  errors.insert(errors.begin(), more.begin(), more.end());
  if (!errors.empty()) return MadeToken{Outcome::invalid(std::move(errors)), ""};
  const std::string secret = std::string(kApiTokenPrefix) + random_token();
  stored.token_hash = hash_token(secret);
  stored.created_at = to_iso(now);
  stored.expires_at = to_iso(now + std::chrono::days(days));
  stored.id = tx.add_api_token(stored);
  std::optional<Id> unit;
  if (stored.is_service()) unit = stored.service_unit_id;
  audit(tx, actor,
        AuditEntry{.unit_id = unit, .action = stored.is_service() ? "service_token_add" : "api_token_add",
                   .entity = "api_token", .entity_id = stored.id, .after_json = token_json(stored)});
  return MadeToken{Outcome::done(stored.id), secret};
}

MadeToken create_for(store::Tx& tx, Id user_id, const NewApiToken& token, const Actor& actor, TimePoint now) {
  ApiToken stored{.user_id = user_id, .name = token.name, .can_write = token.can_write};
  return add_token(tx, std::move(stored), token.days, {}, actor, now);
}

// A service token made by `maker`, who must administer its unit.
MadeToken create_service_for(store::Tx& tx, const Viewer& maker, const NewServiceToken& token, TimePoint now) {
  if (!is_admin(maker)) return MadeToken{Outcome::not_found(), ""};
  std::vector<FieldError> errors;
  const UnitTree tree(tx.units());
  if (token.role == Role::admin)
    errors.push_back({"roll", "En tjänstenyckel kan inte administrera. Välj en annan roll."});
  else if (token.role == Role::reader && token.can_write)
    errors.push_back({"roll", "En läsare kan inte ändra. Välj en annan roll eller att nyckeln bara får läsa."});
  if (!holds(maker, tree, Role::admin, token.unit_id))
    errors.push_back({"enhet", "Välj en enhet som du administrerar."});
  ApiToken stored{.user_id = maker.user_id,
                  .name = token.name,
                  .can_write = token.can_write,
                  .service_unit_id = token.unit_id,
                  .service_role = token.role};
  return add_token(tx, std::move(stored), token.days, std::move(errors), actor_of(maker), now);
}

Outcome revoke(store::Tx& tx, const Viewer& viewer, const ApiToken& token, TimePoint now) {
  const std::string at = to_iso(now);
  if (!tx.revoke_api_token(token.id, at)) return Outcome::not_found();
  ApiToken after = token;
  after.revoked_at = at;
  std::optional<Id> unit;
  if (token.is_service()) unit = token.service_unit_id;
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = unit, .action = token.is_service() ? "service_token_revoke" : "api_token_revoke",
                   .entity = "api_token", .entity_id = token.id, .before_json = token_json(token),
                   .after_json = token_json(after)});
  tx.commit();
  return Outcome::done(token.id);
}

bool looks_like_api_token(std::string_view text) {
  return text.starts_with(kApiTokenPrefix) && looks_like_token(text.substr(kApiTokenPrefix.size()));
}

}  // namespace

MadeToken create_api_token(store::Store& store, const Viewer& viewer, const NewApiToken& token, const Clock& clock) {
  auto tx = store.begin();
  auto made = create_for(*tx, viewer.user_id, token, actor_of(viewer), clock());
  if (made.outcome.ok()) tx->commit();
  return made;
}

MadeToken create_api_token_for(store::Store& store, std::string_view email, const NewApiToken& token,
                               const Actor& actor, const Clock& clock) {
  auto tx = store.begin();
  auto user = tx->user_by_email(normal_email(email));
  if (!user) return MadeToken{Outcome::not_found(), ""};
  auto made = create_for(*tx, user->id, token, actor, clock());
  if (made.outcome.ok()) tx->commit();
  return made;
}

MadeToken create_service_token(store::Store& store, const Viewer& viewer, const NewServiceToken& token,
                               const Clock& clock) {
  auto tx = store.begin();
  auto made = create_service_for(*tx, viewer, token, clock());
  if (made.outcome.ok()) tx->commit();
  return made;
}

MadeToken create_service_token_for(store::Store& store, std::string_view email, const NewServiceToken& token,
                                   const Clock& clock) {
  auto tx = store.begin();
  auto user = tx->user_by_email(normal_email(email));
  if (!user || user->disabled) return MadeToken{Outcome::not_found(), ""};
  const Viewer maker{.user_id = user->id, .name = user->name, .email = user->email, .grants = tx->grants(user->id)};
  auto made = create_service_for(*tx, maker, token, clock());
  if (made.outcome.ok()) tx->commit();
  return made;
}

std::vector<ApiToken> service_tokens(store::Store& store, const Viewer& viewer) {
  if (!is_admin(viewer)) return {};
  auto tx = store.begin_read();
  const UnitTree tree(tx->units());
  std::vector<ApiToken> out;
  for (auto& token : tx->service_api_tokens())
    if (holds(viewer, tree, Role::admin, token.service_unit_id)) out.push_back(std::move(token));
  return out;
}

Outcome revoke_service_token(store::Store& store, const Viewer& viewer, Id token_id, const Clock& clock) {
  if (!is_admin(viewer)) return Outcome::not_found();
  auto tx = store.begin();
  auto token = tx->api_token(token_id);
  if (!token || !token->is_service() || !holds(viewer, UnitTree(tx->units()), Role::admin, token->service_unit_id))
    return Outcome::not_found();
  return revoke(*tx, viewer, *token, clock());
}

std::vector<ApiToken> api_tokens(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  return tx->api_tokens_of(viewer.user_id);
}

Outcome revoke_api_token(store::Store& store, const Viewer& viewer, Id token_id, const Clock& clock) {
  auto tx = store.begin();
  auto token = tx->api_token(token_id);
  if (!token || token->is_service() || token->user_id != viewer.user_id) return Outcome::not_found();
  return revoke(*tx, viewer, *token, clock());
}

Authenticated authenticate_api_token(store::Store& store, std::string_view secret, const Clock& clock) {
  if (!looks_like_api_token(secret)) return {std::nullopt, TokenProblem::unknown};
  const TimePoint now = clock();
  std::optional<ApiToken> token;
  std::optional<User> user;
  std::vector<Grant> grants;
  {
    auto tx = store.begin_read();
    token = tx->api_token_by_hash(hash_token(secret));
    if (!token) return {std::nullopt, TokenProblem::unknown};
    user = tx->user(token->user_id);
    if (token->is_service())
      grants = {Grant{.user_id = token->user_id, .role = token->service_role, .unit_id = token->service_unit_id}};
    else if (user)
      grants = tx->grants(user->id);
  }
  // A service token belongs to its unit and outlives its maker's account; a personal one does not.
  if (!user || (user->disabled && !token->is_service())) return {std::nullopt, TokenProblem::unknown};
  if (!token->revoked_at.empty()) return {std::nullopt, TokenProblem::revoked};
  const auto expires = from_iso(token->expires_at);
  if (!expires || now >= *expires) return {std::nullopt, TokenProblem::expired};
  const auto used = from_iso(token->last_used_at);
  if (!used || now - *used >= kTouchEvery) {
    auto tx = store.begin();
    tx->touch_api_token(token->id, to_iso(now));
    tx->commit();
  }
  Viewer viewer{.user_id = user->id, .name = user->name, .email = user->email, .grants = std::move(grants),
                .remote_address = {}, .token_name = token->name};
  if (token->is_service()) {  // the system speaks, not the admin who made its token
    viewer.name = token->name;
    viewer.email.clear();
  }
  return {ApiCaller{std::move(viewer), token->id, token->can_write}, TokenProblem::none};
}

bool may_write(const ApiCaller& caller) { return caller.can_write; }

}  // namespace uppsikt::service
