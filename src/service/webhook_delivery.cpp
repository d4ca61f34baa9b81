#include "service/webhook_delivery.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sodium.h>
#include <sys/socket.h>

#include <charconv>
#include <memory>
#include <vector>

#include "core/webhook.h"

namespace uppsikt::service {
namespace {

bool private_v4(std::uint32_t ip) {
  return (ip >> 24) == 127 || (ip >> 24) == 10 || (ip >> 24) == 0 ||  // loopback, private, "this network"
         (ip & 0xFFF00000u) == 0xAC100000u ||                            // 172.16.0.0/12
         (ip & 0xFFFF0000u) == 0xC0A80000u ||                            // 192.168.0.0/16
         (ip & 0xFFFF0000u) == 0xA9FE0000u ||                            // 169.254.0.0/16, link-local
         (ip & 0xFFC00000u) == 0x64400000u;                              // 100.64.0.0/10, carrier NAT
}

bool private_address(const sockaddr* address) {
  if (address->sa_family == AF_INET)
    return private_v4(ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr));
  if (address->sa_family != AF_INET6) return true;
  const auto& a = reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr;
  if (IN6_IS_ADDR_V4MAPPED(&a)) {
    const std::uint32_t ip = (a.s6_addr[12] << 24) | (a.s6_addr[13] << 16) | (a.s6_addr[14] << 8) | a.s6_addr[15];
    return private_v4(ip);
  }
  return IN6_IS_ADDR_LOOPBACK(&a) || IN6_IS_ADDR_UNSPECIFIED(&a) || IN6_IS_ADDR_LINKLOCAL(&a) ||
         (a.s6_addr[0] & 0xFE) == 0xFC;  // fc00::/7, unique local
}

struct Connect {
  bool allow_private = false;
  bool refused = false;
};

curl_socket_t open_socket(void* data, curlsocktype, curl_sockaddr* address) {
  auto* connect = static_cast<Connect*>(data);
  if (!connect->allow_private && private_address(&address->addr)) {
    connect->refused = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

std::string base64(const unsigned char* bytes, std::size_t size) {
  std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

Attempt post(const OutboxMessage& message, const std::string& secret, TimePoint now, const WebhookDelivery& options) {
  const std::string id = "msg_" + std::to_string(message.id);
  const std::string timestamp =
      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
  const std::string signature = webhook_signature(secret, id, timestamp, message.text_body);
  if (signature.empty()) return {.permanent = true, .answer = "Webhookens nyckel går inte att läsa."};

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {.answer = "libcurl kunde inte starta"};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
  for (const std::string& h : {std::string("Content-Type: application/json"), "webhook-id: " + id,
                               "webhook-timestamp: " + timestamp, "webhook-signature: " + signature})
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  Connect connect{.allow_private = options.allow_private};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, message.recipient.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_PROXY, "");  // no proxy from the environment: it would pass the address check
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Uppsikt-webhook");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, message.text_body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(message.text_body.size()));
  curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &connect);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
  const CURLcode code = curl_easy_perform(c);
  if (connect.refused)
    return {.permanent = true, .answer = "Adressen leder till ett internt nät (loopback, privat eller länklokalt), "
                                         "som webhooks inte får nå."};
  if (code != CURLE_OK) return {.answer = std::string("Mottagaren gick inte att nå: ") + curl_easy_strerror(code)};
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  const std::string answer = "HTTP " + std::to_string(status);
  if (status >= 200 && status < 300) return {.accepted = true, .answer = answer};
  return {.permanent = status == 410, .answer = answer};
}

}  // namespace

std::string webhook_signature(std::string_view secret, std::string_view id, std::string_view timestamp,
                              std::string_view payload) {
  constexpr std::string_view kPrefix = "whsec_";
  if (!secret.starts_with(kPrefix)) return {};
  const auto encoded = secret.substr(kPrefix.size());
  std::vector<unsigned char> key(encoded.size());
  std::size_t key_size = 0;
  if (sodium_base642bin(key.data(), key.size(), encoded.data(), encoded.size(), nullptr, &key_size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 || key_size == 0)
    return {};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key_size);
  for (std::string_view part : {id, std::string_view("."), timestamp, std::string_view("."), payload})
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  return "v1," + base64(mac, sizeof mac);
}

DeliveryPass deliver_due_webhooks(store::Store& store, TimePoint now, const WebhookDelivery& options,
                                  const RetryPolicy& policy) {
  return deliver_due(store, kWebhookChannel, now, policy, [&](const OutboxMessage& message) -> Attempt {
    Id hook_id = 0;
    const auto& text = message.recipient_name;
    std::from_chars(text.data(), text.data() + text.size(), hook_id);
    const auto hook = store.begin_read()->webhook(hook_id);
    if (!hook) return {.permanent = true, .answer = "Webhooken är borttagen."};
    return post(message, hook->secret, now, options);
  });
}

}  // namespace uppsikt::service
