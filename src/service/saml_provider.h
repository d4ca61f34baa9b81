#pragma once
// One configured SAML 2.0 identity provider, with Uppsikt as its service provider (SP),
// through Lasso (kept inside saml_provider.cpp; no header pulls it in):
//
//   metadata       Uppsikt's SP metadata for the IdP's administrators (entity id, certificate,
//                  the assertion consumer address, HTTP-POST);
//   authn_request  an AuthnRequest signed with the SP key, as an HTTP-Redirect URL;
//   check          a posted SAMLResponse: signed (the Response or its Assertion) by a key in
//                  the IdP's metadata, issued by that IdP, status Success, for this SP
//                  (audience, recipient), within its time conditions. What it says (the
//                  NameID, the e-mail, name and groups attributes) comes back as claims, with
//                  Lasso's session (the assertion) for single logout;
//   logout_request a signed LogoutRequest (HTTP-Redirect) for a session, when the IdP has a
//                  single logout address; answered at PUBLIC_URL/logga-in/saml/{id}/slo:
//   check_logout_response  the IdP's LogoutResponse there, signed and successful;
//   answer_logout_request  a LogoutRequest from the IdP there (signed out elsewhere): whether
//                  it names the person of a session, and the signed LogoutResponse to send back.
//
// Whether the answer belongs to a request that Uppsikt sent, and whether its assertion was
// used before, is ExternalSignIn's business (it has the store). One instance is shared by
// the server's threads: a mutex serialises the Lasso calls.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "service/clock.h"
#include "service/id_token.h"
#include "service/sign_in_settings.h"

namespace uppsikt::service {

enum class SamlProblem {
  none,
  malformed,          // not a SAML response at all
  unknown_issuer,     // not from the configured IdP
  not_signed,         // neither the Response nor the Assertion carries a signature
  bad_signature,      // a signature that the IdP's keys do not verify
  not_success,        // the IdP answers with an error status (the person cancelled, …)
  wrong_audience,     // meant for another service provider
  wrong_recipient,    // sent to another address than this SP's assertion consumer
  not_valid_now,      // expired, or not yet valid
  no_subject,         // no NameID
};

// The audit code of a problem (e.g. "not_signed").
const char* to_code(SamlProblem problem);

struct SamlCheck {
  SamlProblem problem = SamlProblem::none;
  std::string detail;          // for the audit trail: Lasso's error, never the message itself
  std::string issuer;          // the IdP's entity id
  std::string assertion_id;    // set when problem is none
  std::string in_response_to;  // the AuthnRequest it answers; empty when unsolicited
  TimePoint valid_until{};     // after this the assertion is dead: keep its ID until then
  IdTokenClaims claims;        // subject = NameID; e-mail, name, groups from the attributes
  std::string session;         // Lasso's session with the assertion, kept for single logout
  bool ok() const { return problem == SamlProblem::none; }
};

struct SamlLogoutAnswer {
  bool ends_session = false;  // the request is signed by the IdP and names the session's person
  std::string redirect_url;   // the LogoutResponse to the IdP; empty when none can be made
  std::string detail;         // for the log: why the session does not end
};

struct SamlRequest {
  std::string url;  // the IdP's SSO address with SAMLRequest, RelayState and the signature
  std::string id;   // the AuthnRequest's ID, which the answer's InResponseTo must name
};

class SamlProvider {
 public:
  // Throws std::runtime_error (in Swedish) when Lasso cannot read the metadata, key or
  // certificate. `public_url` as SignInSettings has it.
  SamlProvider(SamlProviderSettings settings, const std::string& public_url);
  ~SamlProvider();
  SamlProvider(const SamlProvider&) = delete;
  SamlProvider& operator=(const SamlProvider&) = delete;

  const SamlProviderSettings& settings() const { return settings_; }
  const std::string& idp_entity_id() const { return idp_entity_id_; }
  const std::string& acs_url() const { return acs_url_; }
  const std::string& metadata() const { return metadata_; }

  std::optional<SamlRequest> authn_request(const std::string& relay_state);
  SamlCheck check(const std::string& saml_response, TimePoint now, std::chrono::seconds skew);
  std::optional<std::string> logout_request(const std::string& session);
  // `query`: everything after the "?" of the address the IdP sent the browser to.
  bool check_logout_response(const std::string& query);
  SamlLogoutAnswer answer_logout_request(const std::string& query, const std::string& session);
  const std::string& slo_url() const { return slo_url_; }

 private:
  struct Lasso;
  const SamlProviderSettings settings_;
  const std::string acs_url_;
  const std::string slo_url_;
  const std::string metadata_;
  std::string idp_entity_id_;
  std::mutex mutex_;  // guards every use of lasso_
  std::unique_ptr<Lasso> lasso_;
};

// Why Lasso cannot use these settings (one Swedish line), or nothing when it can: for the
// configuration check, before the server starts.
std::optional<std::string> saml_settings_problem(const SamlProviderSettings& settings, const std::string& public_url);

}  // namespace uppsikt::service
