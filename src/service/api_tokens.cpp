#include "service/api_tokens.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "service/sessions.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

constexpr std::chrono::seconds kTouchEvery{60};

std::string token_json(const ApiToken& token) {
  return nlohmann::json{{"name", token.name},
                        {"can_write", token.can_write},
                        {"expires_at", token.expires_at},
                        {"revoked_at", token.revoked_at}}
      .dump();
}

std::vector<FieldError> problems(const NewApiToken& token) {
  std::vector<FieldError> errors;
  const auto length = utf8_length(token.name);
  if (!length || *length == 0)
    errors.push_back({"namn", "Skriv ett namn på nyckeln, till exempel vad den ska användas till."});
  else if (*length > kMaxTokenNameChars)
    errors.push_back({"namn", "Namnet får vara högst 100 tecken."});
  if (token.days < 1 || token.days > kMaxTokenDays)
    errors.push_back({"dagar", "En nyckel gäller i 1–365 dagar."});
  return errors;
}

MadeToken create_for(store::Tx& tx, Id user_id, NewApiToken token, const Actor& actor, TimePoint now) {
  token.name = collapse_space(token.name);
  auto errors = problems(token);
  if (!errors.empty()) return MadeToken{Outcome::invalid(std::move(errors)), ""};
  const std::string secret = std::string(kApiTokenPrefix) + random_token();
  ApiToken stored{.user_id = user_id,
                  .name = token.name,
                  .token_hash = hash_token(secret),
                  .can_write = token.can_write,
                  .created_at = to_iso(now),
                  .expires_at = to_iso(now + std::chrono::days(token.days))};
  stored.id = tx.add_api_token(stored);
  audit(tx, actor,
        AuditEntry{.action = "api_token_add", .entity = "api_token", .entity_id = stored.id,
                   .after_json = token_json(stored)});
  return MadeToken{Outcome::done(stored.id), secret};
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

std::vector<ApiToken> api_tokens(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  return tx->api_tokens_of(viewer.user_id);
}

Outcome revoke_api_token(store::Store& store, const Viewer& viewer, Id token_id, const Clock& clock) {
  auto tx = store.begin();
  auto token = tx->api_token(token_id);
  if (!token || token->user_id != viewer.user_id) return Outcome::not_found();
  const std::string now = to_iso(clock());
  if (!tx->revoke_api_token(token_id, now)) return Outcome::not_found();
  ApiToken after = *token;
  after.revoked_at = now;
  audit(*tx, actor_of(viewer),
        AuditEntry{.action = "api_token_revoke", .entity = "api_token", .entity_id = token_id,
                   .before_json = token_json(*token), .after_json = token_json(after)});
  tx->commit();
  return Outcome::done(token_id);
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
    if (user) grants = tx->grants(user->id);
  }
  if (!user || user->disabled) return {std::nullopt, TokenProblem::unknown};
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
  return {ApiCaller{std::move(viewer), token->id, token->can_write}, TokenProblem::none};
}

bool may_write(const ApiCaller& caller) { return caller.can_write; }

}  // namespace uppsikt::service
