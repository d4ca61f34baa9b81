#pragma once
// Signing in through the organisation's identity provider with OpenID Connect (the
// authorization code flow with PKCE S256, state and nonce), as a relying party, or with
// SAML 2.0 (Web Browser SSO, external_sign_in_saml.cpp), as a service provider:
//
//   start   a sign-in: keeps state, nonce and the PKCE verifier in the store (only the
//           state's hash, tied to the browser's form token) and gives the provider's URL;
//   finish  it when the provider sends the person back: takes the state (once), exchanges
//           the code for tokens, checks the ID token in full (id_token.h), finds the person
//           (by issuer and subject once linked, else by a verified e-mail address, which links
//           them, else creates them when just-in-time creation is on), applies the role rules
//           and starts a session.
//
// For SAML, saml_start sends an AuthnRequest with a RelayState kept like the state, and
// saml_accept takes the posted Response: checked by SamlProvider, its assertion ID used once,
// an answer to a request sent from here. The IdP's page posts it from another site, without
// our cookies, so nothing yet shows that it reached the browser that started the sign-in (an
// attacker could post their own answer from a page of theirs and sign the visitor in as
// themselves). The checked answer waits, one use, under a handover token; saml_finish takes it
// when the browser follows the redirect on our own site with its form cookie, checks that this
// is the starting browser, and then does the same finding of the person, rules and session.
//
// Every sign-in, every refusal (with its reason, never a token) and every role that a rule
// gives or takes away is in the audit trail. One instance is shared by the server's threads.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "service/outcome.h"
#include "service/clock.h"
#include "service/oidc_provider.h"
#include "service/saml_provider.h"
#include "service/sign_in_settings.h"
#include "store/store.h"

namespace uppsikt::service {

struct ProviderButton {
  std::string id;
  std::string label;
  std::string action;  // where the button posts: /logga-in/oidc/{id} or /logga-in/saml/{id}
};

// Done with where to send the browser; not found (no such provider) or conflict (the provider
// does not answer now), with what to tell the person.
struct ExternalStart {
  Outcome outcome;
  std::string redirect_url;  // done: the provider's authorization URL or SAML request
  bool ok() const { return outcome.ok(); }
};

// What the provider's redirect back carries (query parameters).
struct ExternalAnswer {
  std::string state;
  std::string code;
  std::string error;  // the provider's own error code, e.g. access_denied
  std::string issuer;  // RFC 9207's iss, where the provider sends it: must be the provider's issuer
};

// What a SAML IdP posts to the assertion consumer (form fields).
struct SamlPost {
  std::string response;     // SAMLResponse, base64
  std::string relay_state;  // RelayState: the state sent with the request
};

struct SamlLogout {
  std::string redirect_url;  // the LogoutResponse to the IdP, or the sign-in page
  bool signed_out = false;   // the browser's session was ended here: forget its cookie
};

// Done with a session's token (or, from saml_accept, the handover to saml_finish); otherwise not
// allowed, with what to tell the person and the reason's code in the audit trail.
struct ExternalSignInResult {
  Outcome outcome;
  std::string token;     // done: the new session's token, for the cookie only
  std::string handover;  // done by saml_accept: the one-time token that saml_finish takes
  std::string reason;    // not allowed: the code in the audit trail
  bool ok() const { return outcome.ok(); }
};

class ExternalSignIn {
 public:
  // Sign-ins not answered within this are forgotten.
  static constexpr std::chrono::minutes kFlowLifetime{10};
  // A checked SAML answer waits this long for its browser, which comes straight on a redirect.
  static constexpr std::chrono::minutes kHandoverLifetime{2};

  explicit ExternalSignIn(SignInSettings settings, Clock clock = system_now,
                          OidcProvider::Fetch fetch = http_get);

  const SignInSettings& settings() const { return settings_; }
  std::vector<ProviderButton> buttons() const;
  // Where providers send people back to: PUBLIC_URL/logga-in/oidc.
  std::string redirect_uri() const;

  ExternalStart start(store::Store& store, std::string_view provider_id, std::string_view browser_token,
                      std::string_view remote_address);
  ExternalSignInResult finish(store::Store& store, const ExternalAnswer& answer, std::string_view browser_token,
                              std::string_view remote_address, std::string_view previous_token);
  // Where to send a person who signs out of the session `session_token`, begun at
  // `provider_id`, so that they are signed out there too: OpenID's end_session_endpoint, or a
  // SAML LogoutRequest. Empty when the provider has none. Ask before the session ends.
  std::string sign_out_url(store::Store& store, std::string_view provider_id, std::string_view session_token);

  // SAML: the AuthnRequest for `provider_id` as a redirect, and the posted answer to it.
  ExternalStart saml_start(store::Store& store, std::string_view provider_id, std::string_view browser_token,
                           std::string_view remote_address);
  ExternalSignInResult saml_accept(store::Store& store, std::string_view provider_id, const SamlPost& post,
                                   std::string_view remote_address);
  ExternalSignInResult saml_finish(store::Store& store, std::string_view provider_id, std::string_view handover,
                                   std::string_view browser_token, std::string_view remote_address,
                                   std::string_view previous_token);
  // SAML single logout at PUBLIC_URL/logga-in/saml/{id}/slo, `query` being the address's
  // query: the IdP's LogoutResponse to our request, or its LogoutRequest when the person
  // signed out elsewhere, which ends the browser's session `session_token` if it is that
  // person's. Gives where the browser goes next.
  SamlLogout saml_logout(store::Store& store, std::string_view provider_id, const std::string& query,
                         std::string_view session_token, std::string_view remote_address);
  // The SP metadata for the IdP `provider_id`; nothing when there is no such SAML provider.
  std::optional<std::string> saml_metadata(std::string_view provider_id);

 private:
  OidcProvider* provider(std::string_view id);
  SamlProvider* saml_provider(std::string_view id);
  // The sign-in flow kept under `token` (a state, RelayState or handover), taken out in a
  // transaction of its own so that it is gone whatever follows; nothing for a malformed token.
  static std::optional<SignInFlow> take_flow(store::Store& store, std::string_view token);
  // The person `claims` name at `issuer` found (or linked, or created), the rules applied and
  // a session started, all in one transaction; or refused when there is no such account.
  // `provider_session`: what single logout will need (SAML), kept with the session.
  ExternalSignInResult sign_in_person(store::Store& store, const std::string& provider_id, const std::string& issuer,
                                      const IdTokenClaims& claims, std::string_view remote_address,
                                      std::string_view previous_token, const std::string& provider_session = {});
  ExternalSignInResult refuse(store::Store& store, std::string_view remote_address, const std::string& provider,
                              const std::string& reason, std::string_view message, const std::string& detail = {});

  const SignInSettings settings_;
  const Clock clock_;
  std::vector<std::unique_ptr<OidcProvider>> providers_;
  std::vector<std::unique_ptr<SamlProvider>> saml_providers_;
};

}  // namespace uppsikt::service
