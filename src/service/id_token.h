#pragma once
// An OpenID Connect ID token checked in full: the signature with the provider's published
// keys (cjose does the JOSE work: parsing, key import, verification), only RS256 and ES256
// and only with a key of the matching type (so never `none`, and never an HMAC keyed with a
// public key), then iss, aud/azp, exp, iat, nbf (with a small tolerance) and the nonce.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "service/clock.h"

namespace uppsikt::service {

// The keys of a JWKS document (jwks_uri), immutable once read; cheap to copy.
class JwkSet {
 public:
  // Nothing when `json` is not a JWKS ({"keys": […]}); keys that cjose cannot import, or
  // that are not for signatures, are left out.
  static std::optional<JwkSet> parse(const std::string& json);
  std::size_t size() const;
  bool has_kid(const std::string& kid) const;

  struct Impl;

 private:
  explicit JwkSet(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
  friend struct IdTokenChecker;
};

// Why a token was not taken; each has a code for the audit trail (to_code).
enum class IdTokenProblem {
  none, malformed, alg_not_allowed, unknown_key, bad_signature, wrong_issuer, wrong_audience,
  expired, not_yet_valid, issued_in_future, wrong_nonce, no_subject
};
const char* to_code(IdTokenProblem problem);

struct TokenExpectations {
  std::string issuer;     // iss must be exactly this
  std::string client_id;  // in aud; azp, when given or when aud names others too, must be it
  std::string nonce;      // what the sign-in sent out
  std::string groups_claim = "groups";
  TimePoint now;
  std::chrono::seconds skew{60};
};

// What Uppsikt reads of a valid token.
struct IdTokenClaims {
  std::string subject;
  std::string email;  // lower case as given; empty when the token has none
  bool email_verified = false;
  std::string name;
  std::vector<std::string> groups;  // the groups claim: an array of strings, or one string
};

struct TokenCheck {
  IdTokenProblem problem = IdTokenProblem::none;
  std::string kid;        // the token's key id (unknown_key: the one to look for after a refetch)
  std::string issuer;     // the token's iss, whatever it is (for the audit trail)
  IdTokenClaims claims;   // set when problem is none
  bool ok() const { return problem == IdTokenProblem::none; }
};

TokenCheck check_id_token(const std::string& token, const JwkSet& keys, const TokenExpectations& expected);

}  // namespace uppsikt::service
