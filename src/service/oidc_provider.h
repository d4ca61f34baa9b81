#pragma once
// One configured OpenID provider at run time: its settings, its discovery document
// (ISSUER/.well-known/openid-configuration) and its signing keys (jwks_uri), each fetched on
// first use and kept. Keys are fetched again when a token names a key id not among them (the
// provider rotated its keys), at most once per jwks_min_refetch. Shared by the server's
// threads; one mutex guards the cache, never held while fetching.
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "service/clock.h"
#include "service/http_fetch.h"
#include "service/id_token.h"
#include "service/sign_in_settings.h"

namespace uppsikt::service {

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::string end_session_endpoint;  // empty when the provider has no RP-initiated logout
};

class OidcProvider {
 public:
  using Fetch = std::function<HttpReply(const std::string& url)>;
  explicit OidcProvider(OidcProviderSettings settings, Clock clock = system_now, Fetch fetch = http_get);

  const OidcProviderSettings& settings() const { return settings_; }
  // The discovery document, fetched once; nothing while the provider cannot be reached or
  // its document is not for this issuer.
  std::optional<ProviderMetadata> metadata();
  // The keys as last fetched (fetched now if never).
  std::optional<JwkSet> keys();
  // The keys fetched again, when `kid` is not among those kept and the last fetch is at least
  // jwks_min_refetch old; otherwise the keys kept (or nothing when none).
  std::optional<JwkSet> keys_for_unknown(const std::string& kid);

 private:
  std::optional<JwkSet> fetch_keys(const std::string& jwks_uri);

  const OidcProviderSettings settings_;
  const Clock clock_;
  const Fetch fetch_;
  std::mutex mutex_;  // guards the three below
  std::optional<ProviderMetadata> metadata_;
  std::optional<JwkSet> keys_;
  std::optional<TimePoint> keys_fetched_at_;
};

}  // namespace uppsikt::service
