#pragma once
// How people sign in through their organisation's identity provider (OpenID Connect or SAML 2.0), as the
// configuration file gives it (cli/sign_in_config reads it): the providers, the rules that
// give roles from groups, and the server's public address that the providers send people
// back to. Plain values: no parser's types.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/role.h"

namespace uppsikt::service {

struct OidcProviderSettings {
  std::string id;      // a short name, in URLs (/logga-in/oidc/{id}) and the audit trail
  std::string label;   // the sign-in button's text, e.g. "Logga in med Göteborgs Stads konto"
  std::string issuer;  // exactly as the provider's ID tokens name it; discovery is read below it
  std::string client_id;
  std::string client_secret;  // read from a file or the environment, never written in the file itself
  std::vector<std::string> scopes{"openid", "profile", "email"};
  std::string groups_claim = "groups";  // the ID token claim that lists the person's groups
  // Take the token's e-mail address as verified although it has no email_verified claim: for
  // providers such as Entra ID that only issue addresses of the organisation's own domains and
  // send no such claim. Off: only email_verified = true links a person to an existing account.
  bool trust_email = false;
  // Keys are fetched again for an unknown key id (the provider rotated its keys), but not
  // more often than this: an attacker's made-up key ids must not make us hammer the provider.
  std::chrono::seconds jwks_min_refetch{60};
};

// A SAML 2.0 identity provider (ADFS, Shibboleth, a federation's IdP), with Uppsikt as its
// service provider: its metadata at PUBLIC_URL/logga-in/saml/{id}/metadata, the answers posted
// to PUBLIC_URL/logga-in/saml/{id}/acs.
struct SamlProviderSettings {
  std::string id;     // a short name, in URLs and the audit trail; unique among all providers
  std::string label;  // the sign-in button's text
  std::string idp_metadata;  // the IdP's metadata (XML): its entity id, SSO address and signing keys
  std::string sp_entity_id;  // Uppsikt's entity id at this IdP, the audience its assertions must name
  std::string sp_key;        // PEM: the key Uppsikt signs its requests with
  std::string sp_certificate;  // PEM: its certificate, published in the metadata
  std::string groups_attribute = "groups";  // the attribute that lists the person's groups
  std::string email_attribute = "mail";
  std::string name_attribute = "displayName";
  // As for OpenID: take the e-mail attribute as vouched for by the IdP, so that it links an
  // existing account or creates one. Off: only the (issuer, NameID) link is used.
  bool trust_email = false;
};

// A person in `group` (at `provider`, or at any when empty) gets `role` on `unit` and the
// units under it. Given and taken away at each sign-in; roles given by hand stay.
struct RoleRule {
  std::string provider;
  std::string group;
  Role role = Role::reader;
  std::string unit;  // the unit's name
};

struct SignInSettings {
  // Where people reach Uppsikt, without a trailing slash (https://uppsikt.example.se): the
  // providers send them back to PUBLIC_URL/logga-in/oidc.
  std::string public_url;
  std::vector<OidcProviderSettings> providers;
  std::vector<SamlProviderSettings> saml_providers;
  std::vector<RoleRule> rules;
  // Create an account for a person the provider vouches for but Uppsikt does not know (with
  // no role until a rule gives one). Off: only people with an account may sign in.
  bool just_in_time = false;
  // When set, password sign-in is off for everyone but these e-mail addresses (lower case), the
  // break-glass administrators (SessionOptions::password_only_for).
  std::optional<std::vector<std::string>> password_only_for;
  // Tolerance for clocks that differ between Uppsikt and the provider (exp, iat, nbf).
  std::chrono::seconds clock_skew{60};

  bool empty() const { return providers.empty() && saml_providers.empty(); }
};

}  // namespace uppsikt::service
