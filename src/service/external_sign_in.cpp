#include "service/external_sign_in.h"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include "service/audit.h"
#include "service/external_people.h"
#include "service/external_sign_in_messages.h"
#include "service/passwords.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

// PKCE S256 (RFC 7636 4.2): BASE64URL(SHA256(verifier)) without padding.
std::string code_challenge(const std::string& verifier) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
  char out[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, digest, sizeof digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string with_query(const std::string& url, const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = url;
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : params) {
    out += sep + name + "=" + url_encode(value);
    sep = '&';
  }
  return out;
}

std::string token_message(IdTokenProblem problem) {
  const char* why = "felaktigt format";
  switch (problem) {
    case IdTokenProblem::alg_not_allowed: why = "otillåten signaturalgoritm"; break;
    case IdTokenProblem::unknown_key: why = "okänd signeringsnyckel"; break;
    case IdTokenProblem::bad_signature: why = "ogiltig signatur"; break;
    case IdTokenProblem::wrong_issuer: why = "utfärdat av en okänd utfärdare"; break;
    case IdTokenProblem::wrong_audience: why = "utfärdat för en annan tjänst"; break;
    case IdTokenProblem::expired: why = "giltighetstiden har gått ut"; break;
    case IdTokenProblem::not_yet_valid:
    case IdTokenProblem::issued_in_future: why = "ännu inte giltigt"; break;
    case IdTokenProblem::wrong_nonce: why = "hör inte till den här inloggningen"; break;
    default: break;
  }
  return std::string{"Inloggningsbeviset från identitetsleverantören godtogs inte: "} + why + ".";
}

}  // namespace

ExternalSignIn::ExternalSignIn(SignInSettings settings, Clock clock, OidcProvider::Fetch fetch)
    : settings_(std::move(settings)), clock_(std::move(clock)) {
  for (const auto& p : settings_.providers) providers_.push_back(std::make_unique<OidcProvider>(p, clock_, fetch));
  for (const auto& p : settings_.saml_providers)
    saml_providers_.push_back(std::make_unique<SamlProvider>(p, settings_.public_url));
}

std::vector<ProviderButton> ExternalSignIn::buttons() const {
  std::vector<ProviderButton> out;
  for (const auto& p : settings_.providers) out.push_back({p.id, p.label, "/logga-in/oidc/" + p.id});
  for (const auto& p : settings_.saml_providers) out.push_back({p.id, p.label, "/logga-in/saml/" + p.id});
  return out;
}

std::string ExternalSignIn::redirect_uri() const { return settings_.public_url + "/logga-in/oidc"; }

OidcProvider* ExternalSignIn::provider(std::string_view id) {
  for (auto& p : providers_)
    if (p->settings().id == id) return p.get();
  return nullptr;
}

ExternalStart ExternalSignIn::start(store::Store& store, std::string_view provider_id, std::string_view browser_token,
                                    std::string_view remote_address) {
  OidcProvider* p = provider(provider_id);
  if (!p) return ExternalStart{.outcome = Outcome::not_found(std::string{kNoSuchProvider})};
  auto metadata = p->metadata();
  if (!metadata) return ExternalStart{.outcome = Outcome::conflict(std::string{kNoAnswer})};
  const std::string state = random_token(), nonce = random_token(), verifier = random_token();
  const TimePoint now = clock_();
  auto tx = store.begin();
  tx->delete_sign_in_flows_before(to_iso(now - kFlowLifetime));
  tx->add_sign_in_flow(SignInFlow{.state_hash = hash_token(state), .provider = p->settings().id, .nonce = nonce,
                                  .code_verifier = verifier, .browser_hash = hash_token(browser_token),
                                  .created_at = to_iso(now)});
  tx->commit();
  spdlog::debug("oidc {}: sign-in started from {}", p->settings().id, remote_address);
  std::string scopes;
  for (const auto& s : p->settings().scopes) scopes += (scopes.empty() ? "" : " ") + s;
  return ExternalStart{.redirect_url = with_query(metadata->authorization_endpoint,
                                                  {{"response_type", "code"},
                                                   {"client_id", p->settings().client_id},
                                                   {"redirect_uri", redirect_uri()},
                                                   {"scope", scopes},
                                                   {"state", state},
                                                   {"nonce", nonce},
                                                   {"code_challenge", code_challenge(verifier)},
                                                   {"code_challenge_method", "S256"}})};
}

ExternalSignInResult ExternalSignIn::refuse(store::Store& store, std::string_view remote_address,
                                            const std::string& provider, const std::string& reason,
                                            std::string_view message, const std::string& detail) {
  nlohmann::json after{{"provider", provider}, {"reason", reason}};
  if (!detail.empty()) after["detail"] = detail;
  auto tx = store.begin();
  audit(*tx, Actor{std::nullopt, std::string{remote_address}},
        AuditEntry{.at = to_iso(clock_()), .action = "sign_in_refused", .after_json = after.dump()});
  tx->commit();
  return ExternalSignInResult{.outcome = Outcome::not_allowed(std::string{message}), .reason = reason};
}

ExternalSignInResult ExternalSignIn::finish(store::Store& store, const ExternalAnswer& answer,
                                            std::string_view browser_token, std::string_view remote_address,
                                            std::string_view previous_token) {
  // The state first: once taken it is gone, whatever follows.
  const std::optional<SignInFlow> flow = take_flow(store, answer.state);
  if (!flow) return refuse(store, remote_address, "", "state_unknown", kStartAgain);
  const TimePoint now = clock_();
  const auto created = from_iso(flow->created_at);
  if (!created || now - *created > kFlowLifetime)
    return refuse(store, remote_address, flow->provider, "state_expired", kStartAgain);
  if (!tokens_equal(flow->browser_hash, hash_token(browser_token)))
    return refuse(store, remote_address, flow->provider, "other_browser", kStartAgain);
  OidcProvider* p = provider(flow->provider);
  if (!p) return refuse(store, remote_address, flow->provider, "provider_unknown", kStartAgain);
  const auto& settings = p->settings();
  // An answer naming another issuer is a mix-up (RFC 9207): a code meant for someone else.
  if (!answer.issuer.empty() && answer.issuer != settings.issuer)
    return refuse(store, remote_address, settings.id, "wrong_issuer", token_message(IdTokenProblem::wrong_issuer),
                  "iss " + answer.issuer.substr(0, 200));
  if (!answer.error.empty())
    return refuse(store, remote_address, settings.id, "provider_error", "Inloggningen avbröts hos identitetsleverantören.",
                  answer.error.substr(0, 100));
  auto metadata = p->metadata();
  if (!metadata || answer.code.empty())
    return refuse(store, remote_address, settings.id, "provider_unavailable", kNoAnswer);

  // The code for tokens, at the token endpoint, with the PKCE verifier and the client's secret.
  const std::string form = "grant_type=authorization_code&code=" + url_encode(answer.code) +
                           "&redirect_uri=" + url_encode(redirect_uri()) +
                           "&code_verifier=" + url_encode(flow->code_verifier);
  const HttpReply reply = http_post_form(metadata->token_endpoint, form, settings.client_id, settings.client_secret);
  const auto tokens = nlohmann::json::parse(reply.body, nullptr, false);
  if (!reply.ok() || !tokens.is_object() || !tokens.contains("id_token") || !tokens["id_token"].is_string()) {
    spdlog::warn("oidc {}: token endpoint answered {} {}", settings.id, reply.status, reply.error);
    return refuse(store, remote_address, settings.id, "token_exchange_failed", kNoAnswer,
                  "status " + std::to_string(reply.status));
  }
  const std::string id_token = tokens["id_token"].get<std::string>();

  const TokenExpectations expected{.issuer = settings.issuer, .client_id = settings.client_id, .nonce = flow->nonce,
                                   .groups_claim = settings.groups_claim, .now = now, .skew = settings_.clock_skew};
  auto keys = p->keys();
  if (!keys) return refuse(store, remote_address, settings.id, "keys_unavailable", kNoAnswer);
  TokenCheck check = check_id_token(id_token, *keys, expected);
  if (check.problem == IdTokenProblem::unknown_key) {  // the provider may have rotated its keys
    if (auto fresh = p->keys_for_unknown(check.kid)) check = check_id_token(id_token, *fresh, expected);
  }
  if (!check.ok()) {
    std::string detail = check.problem == IdTokenProblem::wrong_issuer ? "iss " + check.issuer : std::string{};
    if (check.problem == IdTokenProblem::unknown_key) detail = "kid " + check.kid;
    return refuse(store, remote_address, settings.id, to_code(check.problem), token_message(check.problem),
                  detail.substr(0, 200));
  }

  if (settings.trust_email && !check.claims.email.empty()) check.claims.email_verified = true;
  return sign_in_person(store, settings.id, settings.issuer, check.claims, remote_address, previous_token);
}

ExternalSignInResult ExternalSignIn::sign_in_person(store::Store& store, const std::string& provider_id,
                                                    const std::string& issuer, const IdTokenClaims& claims,
                                                    std::string_view remote_address, std::string_view previous_token,
                                                    const std::string& provider_session) {
  // Hashing is slow: before the transaction, and only when an account may be created.
  const std::string unusable = settings_.just_in_time ? hash_password(random_token()) : std::string{};
  const TimePoint now = clock_();
  const Actor actor{std::nullopt, std::string{remote_address}};
  auto tx = store.begin();
  auto found = find_person(*tx, issuer, claims, settings_.just_in_time, unusable, actor, to_iso(now));
  if (!found.user || found.user->disabled) {
    tx.reset();  // nothing of it is kept
    const bool disabled = found.user && found.user->disabled;
    return refuse(store, remote_address, provider_id, disabled ? "account_disabled" : "no_account",
                  disabled ? "Ditt konto i Uppsikt är avstängt." : kNoAccount);
  }
  const User& user = *found.user;
  apply_role_rules(*tx, user.id, provider_id, claims.groups, settings_.rules, actor);
  if (looks_like_token(previous_token)) tx->delete_session(hash_token(previous_token));
  const std::string token = random_token();
  tx->add_session(Session{.token_hash = hash_token(token), .user_id = user.id, .csrf_token = random_token(),
                          .created_at = to_iso(now), .last_seen_at = to_iso(now), .provider = provider_id});
  if (!provider_session.empty()) tx->set_provider_session(hash_token(token), provider_session);
  audit(*tx, Actor{user.id, std::string{remote_address}},
        AuditEntry{.at = to_iso(now), .action = "sign_in", .entity = "user", .entity_id = user.id,
                   .after_json = nlohmann::json{{"provider", provider_id}}.dump()});
  tx->commit();
  return ExternalSignInResult{.outcome = Outcome::done(0), .token = token};
}

std::optional<SignInFlow> ExternalSignIn::take_flow(store::Store& store, std::string_view token) {
  if (!looks_like_token(token)) return std::nullopt;
  auto tx = store.begin();
  auto flow = tx->take_sign_in_flow(hash_token(token));
  tx->commit();
  return flow;
}

std::string ExternalSignIn::sign_out_url(store::Store& store, std::string_view provider_id,
                                         std::string_view session_token) {
  if (SamlProvider* saml = saml_provider(provider_id)) {
    if (!looks_like_token(session_token)) return {};
    std::string session;
    {
      auto tx = store.begin_read();
      session = tx->provider_session(hash_token(session_token));
    }
    if (session.empty()) return {};
    return saml->logout_request(session).value_or("");
  }
  OidcProvider* p = provider(provider_id);
  if (!p) return {};
  auto metadata = p->metadata();
  if (!metadata || metadata->end_session_endpoint.empty()) return {};
  return with_query(metadata->end_session_endpoint, {{"client_id", p->settings().client_id},
                                                     {"post_logout_redirect_uri", settings_.public_url + "/logga-in"}});
}

}  // namespace uppsikt::service
