// ExternalSignIn for SAML 2.0 identity providers (Web Browser SSO: AuthnRequest by
// HTTP-Redirect, Response by HTTP-POST). The answer is posted by the IdP's page from another
// site, so the browser's form cookie (SameSite=Lax) does not come with it: the answer is tied
// to its request by the RelayState (one use) and InResponseTo, and to the IdP by its signature;
// to the browser by the handover that saml_finish takes on our own site.
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "service/audit.h"
#include "service/external_sign_in.h"
#include "service/external_sign_in_messages.h"
#include "service/sessions.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

std::string assertion_message(SamlProblem problem) {
  const char* why = "felaktigt format";
  switch (problem) {
    case SamlProblem::unknown_issuer: why = "utfärdat av en okänd utfärdare"; break;
    case SamlProblem::not_signed: why = "det är inte signerat"; break;
    case SamlProblem::bad_signature: why = "ogiltig signatur"; break;
    case SamlProblem::wrong_audience: why = "utfärdat för en annan tjänst"; break;
    case SamlProblem::wrong_recipient: why = "skickat till en annan adress"; break;
    case SamlProblem::not_valid_now: why = "giltighetstiden har gått ut eller har inte börjat"; break;
    default: break;
  }
  return std::string{"Inloggningsbeviset från identitetsleverantören godtogs inte: "} + why + ".";
}

// A checked answer kept with its handover: the person's claims and Lasso's session.
struct Checked {
  IdTokenClaims claims;
  std::string session;
};

std::string handover_json(const SamlCheck& check) {
  const auto& c = check.claims;
  return nlohmann::json{{"subject", c.subject}, {"email", c.email}, {"email_verified", c.email_verified},
                        {"name", c.name}, {"groups", c.groups}, {"session", check.session}}
      .dump();
}

std::optional<Checked> checked_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    return Checked{.claims = {.subject = j.at("subject").get<std::string>(),
                              .email = j.at("email").get<std::string>(),
                              .email_verified = j.at("email_verified").get<bool>(),
                              .name = j.at("name").get<std::string>(),
                              .groups = j.at("groups").get<std::vector<std::string>>()},
                   .session = j.at("session").get<std::string>()};
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

SamlProvider* ExternalSignIn::saml_provider(std::string_view id) {
  for (auto& p : saml_providers_)
    if (p->settings().id == id) return p.get();
  return nullptr;
}

std::optional<std::string> ExternalSignIn::saml_metadata(std::string_view provider_id) {
  SamlProvider* p = saml_provider(provider_id);
  if (!p) return std::nullopt;
  return p->metadata();
}

ExternalStart ExternalSignIn::saml_start(store::Store& store, std::string_view provider_id,
                                         std::string_view browser_token, std::string_view remote_address) {
  SamlProvider* p = saml_provider(provider_id);
  if (!p) return ExternalStart{.outcome = Outcome::not_found(std::string{kNoSuchProvider})};
  const std::string relay_state = random_token();
  auto request = p->authn_request(relay_state);
  if (!request) return ExternalStart{.outcome = Outcome::conflict(std::string{kNoAnswer})};
  const TimePoint now = clock_();
  // The request's ID goes where OpenID keeps its nonce: the answer must name it.
  auto tx = store.begin();
  tx->delete_sign_in_flows_before(to_iso(now - kFlowLifetime));
  tx->add_sign_in_flow(SignInFlow{.state_hash = hash_token(relay_state), .provider = p->settings().id,
                                  .nonce = request->id, .browser_hash = hash_token(browser_token),
                                  .created_at = to_iso(now)});
  tx->commit();
  spdlog::debug("saml {}: sign-in started from {}", p->settings().id, remote_address);
  return ExternalStart{.redirect_url = request->url};
}

ExternalSignInResult ExternalSignIn::saml_accept(store::Store& store, std::string_view provider_id,
                                                 const SamlPost& post, std::string_view remote_address) {
  SamlProvider* p = saml_provider(provider_id);
  const std::string id{provider_id.substr(0, 100)};
  if (!p) return refuse(store, remote_address, id, "provider_unknown", kNoSuchProvider);
  const TimePoint now = clock_();
  const SamlCheck check = p->check(post.response, now, settings_.clock_skew);
  if (!check.ok()) {
    if (check.problem == SamlProblem::not_success)
      return refuse(store, remote_address, id, "provider_error", "Inloggningen avbröts hos identitetsleverantören.",
                    check.detail);
    return refuse(store, remote_address, id, to_code(check.problem), assertion_message(check.problem),
                  check.detail);
  }
  // The assertion's ID first, in a transaction of its own: once used it is gone, whatever follows.
  bool first_use = false;
  {
    auto tx = store.begin();
    tx->delete_used_assertions_before(to_iso(now));
    first_use = tx->add_used_assertion(check.issuer, check.assertion_id, to_iso(check.valid_until));
    tx->commit();
  }
  if (!first_use)
    return refuse(store, remote_address, id, "assertion_replayed",
                  "Inloggningsbeviset har redan använts. Börja om.", "id " + check.assertion_id.substr(0, 200));
  const std::optional<SignInFlow> flow = take_flow(store, post.relay_state);
  if (!flow || flow->provider != p->settings().id) return refuse(store, remote_address, id, "state_unknown", kStartAgain);
  const auto created = from_iso(flow->created_at);
  if (!created || now - *created > kFlowLifetime) return refuse(store, remote_address, id, "state_expired", kStartAgain);
  // An answer to another request (or to none: IdP-initiated) is not taken.
  if (check.in_response_to != flow->nonce)
    return refuse(store, remote_address, id, "not_for_this_request", kStartAgain,
                  "InResponseTo " + check.in_response_to.substr(0, 200));
  const std::string handover = random_token();
  auto tx = store.begin();
  tx->add_sign_in_flow(SignInFlow{.state_hash = hash_token(handover), .provider = p->settings().id,
                                  .browser_hash = flow->browser_hash, .created_at = to_iso(now),
                                  .claims = handover_json(check)});
  tx->commit();
  return ExternalSignInResult{.outcome = Outcome::done(0), .handover = handover};
}

ExternalSignInResult ExternalSignIn::saml_finish(store::Store& store, std::string_view provider_id,
                                                 std::string_view handover, std::string_view browser_token,
                                                 std::string_view remote_address, std::string_view previous_token) {
  SamlProvider* p = saml_provider(provider_id);
  const std::string id{provider_id.substr(0, 100)};
  if (!p) return refuse(store, remote_address, id, "provider_unknown", kNoSuchProvider);
  const std::optional<SignInFlow> flow = take_flow(store, handover);
  // A sign-in's RelayState is no handover: only a checked answer holds claims.
  if (!flow || flow->provider != p->settings().id || flow->claims.empty())
    return refuse(store, remote_address, id, "handover_unknown", kStartAgain);
  const auto created = from_iso(flow->created_at);
  if (!created || clock_() - *created > kHandoverLifetime)
    return refuse(store, remote_address, id, "handover_expired", kStartAgain);
  if (!tokens_equal(flow->browser_hash, hash_token(browser_token)))
    return refuse(store, remote_address, id, "other_browser", kStartAgain);
  const auto checked = checked_from_json(flow->claims);
  if (!checked) return refuse(store, remote_address, id, "handover_unknown", kStartAgain);
  return sign_in_person(store, p->settings().id, p->idp_entity_id(), checked->claims, remote_address, previous_token,
                        checked->session);
}

SamlLogout ExternalSignIn::saml_logout(store::Store& store, std::string_view provider_id, const std::string& query,
                                       std::string_view session_token, std::string_view remote_address) {
  const SamlLogout to_sign_in{.redirect_url = "/logga-in"};
  SamlProvider* p = saml_provider(provider_id);
  if (!p) return to_sign_in;
  if (query.starts_with("SAMLResponse=") || query.find("&SAMLResponse=") != std::string::npos) {
    p->check_logout_response(query);  // our session ended before the request went out
    return to_sign_in;
  }
  // The IdP's own request: end this browser's session if it began there and names the person.
  std::optional<Session> session;
  std::string lasso_session;
  if (looks_like_token(session_token)) {
    auto tx = store.begin_read();
    session = tx->session(hash_token(session_token));
    if (session && session->provider == p->settings().id) lasso_session = tx->provider_session(session->token_hash);
  }
  const SamlLogoutAnswer answer = p->answer_logout_request(query, lasso_session);
  if (!answer.detail.empty()) spdlog::info("saml {}: LogoutRequest: {}", p->settings().id, answer.detail);
  SamlLogout out{.redirect_url = answer.redirect_url.empty() ? to_sign_in.redirect_url : answer.redirect_url};
  if (answer.ends_session && session) {
    sign_out(store, session_token, Actor{session->user_id, std::string{remote_address}});
    out.signed_out = true;
  }
  return out;
}

}  // namespace uppsikt::service
