#pragma once
// Signing in through an organisation's identity provider (OpenID Connect): the link between
// a person and their identity at a provider, and a sign-in under way between the redirect to
// the provider and its answer.
#include <string>

#include "core/id.h"

namespace uppsikt {

// The person known to `issuer` as `subject` (the ID token's iss and sub) is `user_id`.
struct ExternalIdentity {
  std::string issuer;
  std::string subject;
  Id user_id = 0;
  std::string linked_at;  // ISO timestamp, UTC
};

// One sign-in sent to a provider, kept until its answer comes back (once) or it expires.
// Found by the hash of its `state`; the secrets stay on the server.
struct SignInFlow {
  std::string state_hash;
  std::string provider;       // the configured provider's id
  std::string nonce;          // must come back inside the ID token
  std::string code_verifier;  // PKCE: its S256 hash went out with the request
  std::string browser_hash;   // hash of the browser's form token: the answer must come to the same browser
  std::string created_at;     // ISO timestamp, UTC
  // A SAML answer already checked, waiting for the browser that started the sign-in: the
  // person's claims as JSON. Empty for a sign-in still waiting for its provider.
  std::string claims;
};

}  // namespace uppsikt
