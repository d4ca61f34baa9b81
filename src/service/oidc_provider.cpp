#include "service/oidc_provider.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace uppsikt::service {
namespace {

std::string string_of(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

OidcProvider::OidcProvider(OidcProviderSettings settings, Clock clock, Fetch fetch)
    : settings_(std::move(settings)), clock_(std::move(clock)), fetch_(std::move(fetch)) {}

std::optional<ProviderMetadata> OidcProvider::metadata() {
  {
    std::lock_guard lock(mutex_);
    if (metadata_) return metadata_;
  }
  const std::string url = settings_.issuer + "/.well-known/openid-configuration";
  const HttpReply reply = fetch_(url);
  if (!reply.ok()) {
    spdlog::warn("oidc {}: discovery {} failed: {} {}", settings_.id, url, reply.status, reply.error);
    return std::nullopt;
  }
  const auto doc = nlohmann::json::parse(reply.body, nullptr, false);
  if (!doc.is_object()) {
    spdlog::warn("oidc {}: discovery {} is not JSON", settings_.id, url);
    return std::nullopt;
  }
  ProviderMetadata m{.issuer = string_of(doc, "issuer"),
                     .authorization_endpoint = string_of(doc, "authorization_endpoint"),
                     .token_endpoint = string_of(doc, "token_endpoint"),
                     .jwks_uri = string_of(doc, "jwks_uri"),
                     .end_session_endpoint = string_of(doc, "end_session_endpoint")};
  // OpenID Connect Discovery 4.3: the document must name the issuer it was fetched for.
  if (m.issuer != settings_.issuer || m.authorization_endpoint.empty() || m.token_endpoint.empty() ||
      m.jwks_uri.empty()) {
    spdlog::warn("oidc {}: discovery names issuer '{}' or lacks an endpoint", settings_.id, m.issuer);
    return std::nullopt;
  }
  std::lock_guard lock(mutex_);
  metadata_ = m;
  return metadata_;
}

std::optional<JwkSet> OidcProvider::fetch_keys(const std::string& jwks_uri) {
  const HttpReply reply = fetch_(jwks_uri);
  std::optional<JwkSet> keys;
  if (reply.ok()) keys = JwkSet::parse(reply.body);
  std::lock_guard lock(mutex_);
  keys_fetched_at_ = clock_();  // a failed fetch counts too: the provider is not asked again at once
  if (!keys) {
    spdlog::warn("oidc {}: keys from {} not read: {} {}", settings_.id, jwks_uri, reply.status, reply.error);
    return keys_;
  }
  keys_ = keys;
  return keys_;
}

std::optional<JwkSet> OidcProvider::keys() {
  {
    std::lock_guard lock(mutex_);
    if (keys_) return keys_;
  }
  auto m = metadata();
  if (!m) return std::nullopt;
  return fetch_keys(m->jwks_uri);
}

std::optional<JwkSet> OidcProvider::keys_for_unknown(const std::string& kid) {
  {
    std::lock_guard lock(mutex_);
    const bool known = keys_ && keys_->has_kid(kid);
    const bool too_soon = keys_fetched_at_ && clock_() - *keys_fetched_at_ < settings_.jwks_min_refetch;
    if (known || too_soon) return keys_;
  }
  auto m = metadata();
  if (!m) return std::nullopt;
  return fetch_keys(m->jwks_uri);
}

}  // namespace uppsikt::service
