#include "service/id_token.h"

#include <cjose/cjose.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "service/tokens.h"

namespace uppsikt::service {

struct JwkSet::Impl {
  struct Key {
    std::string kid;
    std::string kty;  // "RSA" or "EC"
    std::string crv;  // EC only
    cjose_jwk_t* jwk = nullptr;
  };
  std::vector<Key> keys;
  ~Impl() {
    for (auto& key : keys) cjose_jwk_release(key.jwk);
  }
};

namespace {

using Json = nlohmann::json;

std::string string_of(const Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// The key type and curve an algorithm of the allow-list needs; nothing for any other.
struct KeyNeed {
  const char* kty;
  const char* crv;
};
std::optional<KeyNeed> allowed(const std::string& alg) {
  if (alg == "RS256") return KeyNeed{"RSA", ""};
  if (alg == "ES256") return KeyNeed{"EC", "P-256"};
  return std::nullopt;
}

using Jws = std::unique_ptr<cjose_jws_t, decltype(&cjose_jws_release)>;

// A NumericDate claim, when present; a present claim that is no number is malformed.
struct Date {
  bool present = false;
  bool valid = true;
  TimePoint at;
};
Date date_of(const Json& claims, const char* name) {
  auto it = claims.find(name);
  if (it == claims.end()) return {};
  if (!it->is_number()) return Date{true, false, {}};
  return Date{true, true, TimePoint{std::chrono::seconds{static_cast<long long>(it->get<double>())}}};
}

bool audience_ok(const Json& claims, const std::string& client_id) {
  auto aud = claims.find("aud");
  if (aud == claims.end()) return false;
  std::vector<std::string> audiences;
  if (aud->is_string()) audiences.push_back(aud->get<std::string>());
  else if (aud->is_array())
    for (const auto& a : *aud)
      if (a.is_string()) audiences.push_back(a.get<std::string>());
  if (std::find(audiences.begin(), audiences.end(), client_id) == audiences.end()) return false;
  const std::string azp = string_of(claims, "azp");
  if (!azp.empty()) return azp == client_id;
  return audiences.size() == 1;  // several audiences need azp to say which party asked
}

IdTokenClaims claims_of(const Json& claims, const std::string& groups_claim) {
  IdTokenClaims out{.subject = string_of(claims, "sub"), .email = string_of(claims, "email"),
                    .name = string_of(claims, "name")};
  auto verified = claims.find("email_verified");
  // Some providers send "true" as a string.
  out.email_verified = verified != claims.end() &&
                       ((verified->is_boolean() && verified->get<bool>()) ||
                        (verified->is_string() && verified->get<std::string>() == "true"));
  auto groups = claims.find(groups_claim);
  if (groups != claims.end()) {
    if (groups->is_string()) out.groups.push_back(groups->get<std::string>());
    else if (groups->is_array())
      for (const auto& g : *groups)
        if (g.is_string()) out.groups.push_back(g.get<std::string>());
  }
  return out;
}

}  // namespace

// Only here does cjose's key pointer leave JwkSet.
struct IdTokenChecker {
  static const JwkSet::Impl& impl(const JwkSet& set) { return *set.impl_; }
  static JwkSet make(std::shared_ptr<const JwkSet::Impl> impl) { return JwkSet(std::move(impl)); }
};

std::optional<JwkSet> JwkSet::parse(const std::string& json) {
  const Json doc = Json::parse(json, nullptr, false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) return std::nullopt;
  auto impl = std::make_shared<Impl>();
  for (const auto& key : doc["keys"]) {
    if (!key.is_object()) continue;
    const std::string use = string_of(key, "use");
    if (!use.empty() && use != "sig") continue;
    const std::string text = key.dump();
    cjose_err err;
    cjose_jwk_t* jwk = cjose_jwk_import(text.c_str(), text.size(), &err);
    if (!jwk) continue;
    impl->keys.push_back({string_of(key, "kid"), string_of(key, "kty"), string_of(key, "crv"), jwk});
  }
  return IdTokenChecker::make(std::move(impl));
}

std::size_t JwkSet::size() const { return impl_->keys.size(); }

bool JwkSet::has_kid(const std::string& kid) const {
  return std::any_of(impl_->keys.begin(), impl_->keys.end(), [&](const auto& k) { return k.kid == kid; });
}

const char* to_code(IdTokenProblem problem) {
  switch (problem) {
    case IdTokenProblem::none: return "none";
    case IdTokenProblem::malformed: return "token_malformed";
    case IdTokenProblem::alg_not_allowed: return "alg_not_allowed";
    case IdTokenProblem::unknown_key: return "unknown_key";
    case IdTokenProblem::bad_signature: return "bad_signature";
    case IdTokenProblem::wrong_issuer: return "wrong_issuer";
    case IdTokenProblem::wrong_audience: return "wrong_audience";
    case IdTokenProblem::expired: return "expired";
    case IdTokenProblem::not_yet_valid: return "not_yet_valid";
    case IdTokenProblem::issued_in_future: return "issued_in_future";
    case IdTokenProblem::wrong_nonce: return "wrong_nonce";
    case IdTokenProblem::no_subject: return "no_subject";
  }
  return "unknown";
}

TokenCheck check_id_token(const std::string& token, const JwkSet& keys, const TokenExpectations& expected) {
  TokenCheck check;
  cjose_err err;
  // cjose parses the compact form (an `alg: none` token too); the allow-list below decides.
  Jws jws(cjose_jws_import(token.c_str(), token.size(), &err), cjose_jws_release);
  if (!jws) return TokenCheck{.problem = IdTokenProblem::malformed};
  cjose_header_t* header = cjose_jws_get_protected(jws.get());
  const char* alg = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
  const char* kid = header ? cjose_header_get(header, CJOSE_HDR_KID, &err) : nullptr;
  check.kid = kid ? kid : "";
  const auto need = allowed(alg ? alg : "");
  if (!need) {
    check.problem = IdTokenProblem::alg_not_allowed;
    return check;
  }

  // The key: the one with the token's kid, or the only one of the right type when it names none.
  const JwkSet::Impl::Key* key = nullptr;
  int candidates = 0;
  for (const auto& k : IdTokenChecker::impl(keys).keys) {
    if (k.kty != need->kty || (*need->crv && k.crv != need->crv)) continue;
    if (!check.kid.empty() ? k.kid == check.kid : ++candidates == 1) key = &k;
  }
  if (!key || (check.kid.empty() && candidates != 1)) {
    check.problem = IdTokenProblem::unknown_key;
    return check;
  }
  if (!cjose_jws_verify(jws.get(), key->jwk, &err)) {
    check.problem = IdTokenProblem::bad_signature;
    return check;
  }

  uint8_t* payload = nullptr;
  size_t payload_size = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &payload, &payload_size, &err))
    return TokenCheck{.problem = IdTokenProblem::malformed, .kid = check.kid};
  const Json claims = Json::parse(payload, payload + payload_size, nullptr, false);
  if (!claims.is_object()) return TokenCheck{.problem = IdTokenProblem::malformed, .kid = check.kid};
  check.issuer = string_of(claims, "iss");

  const auto exp = date_of(claims, "exp"), iat = date_of(claims, "iat"), nbf = date_of(claims, "nbf");
  auto fail = [&check](IdTokenProblem p) {
    check.problem = p;
    return check;
  };
  if (check.issuer != expected.issuer) return fail(IdTokenProblem::wrong_issuer);
  if (!audience_ok(claims, expected.client_id)) return fail(IdTokenProblem::wrong_audience);
  if (!exp.present || !exp.valid || !iat.present || !iat.valid || !nbf.valid) return fail(IdTokenProblem::malformed);
  if (exp.at + expected.skew <= expected.now) return fail(IdTokenProblem::expired);
  if (iat.at - expected.skew > expected.now) return fail(IdTokenProblem::issued_in_future);
  if (nbf.present && nbf.at - expected.skew > expected.now) return fail(IdTokenProblem::not_yet_valid);
  if (expected.nonce.empty() || !tokens_equal(string_of(claims, "nonce"), expected.nonce)) return fail(IdTokenProblem::wrong_nonce);
  check.claims = claims_of(claims, expected.groups_claim);
  if (check.claims.subject.empty()) return fail(IdTokenProblem::no_subject);
  return check;
}

}  // namespace uppsikt::service
