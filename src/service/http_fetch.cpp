#include "service/http_fetch.h"

#include <curl/curl.h>

#include <memory>

namespace uppsikt::service {
namespace {

constexpr long kTimeoutSeconds = 10;
constexpr std::size_t kMaxBody = 1 << 20;

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

size_t collect(char* data, size_t size, size_t count, void* out) {
  auto& body = *static_cast<std::string*>(out);
  if (body.size() + size * count > kMaxBody) return 0;  // curl stops with a write error
  body.append(data, size * count);
  return size * count;
}

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

Easy easy_for(const std::string& url, std::string& body) {
  static CurlGlobal global;  // once, before the first handle, on whichever thread gets here first
  Easy curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return curl;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, kTimeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);  // many threads: no SIGALRM for timeouts
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "Uppsikt");
  return curl;
}

HttpReply perform(CURL* curl, std::string& body) {
  HttpReply reply;
  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    reply.error = curl_easy_strerror(code);
    return reply;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.body = std::move(body);
  return reply;
}

}  // namespace

std::string url_encode(const std::string& text) {
  Easy curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {};
  std::unique_ptr<char, decltype(&curl_free)> out(
      curl_easy_escape(curl.get(), text.data(), static_cast<int>(text.size())), curl_free);
  return out ? std::string{out.get()} : std::string{};
}

HttpReply http_get(const std::string& url) {
  std::string body;
  auto curl = easy_for(url, body);
  if (!curl) return HttpReply{.error = "curl_easy_init failed"};
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  auto reply = perform(curl.get(), body);
  curl_slist_free_all(headers);
  return reply;
}

HttpReply http_post_form(const std::string& url, const std::string& form, const std::string& user,
                         const std::string& password) {
  std::string body;
  auto curl = easy_for(url, body);
  if (!curl) return HttpReply{.error = "curl_easy_init failed"};
  const std::string user_encoded = url_encode(user), password_encoded = url_encode(password);
  curl_easy_setopt(curl.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(curl.get(), CURLOPT_USERNAME, user_encoded.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, password_encoded.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, form.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(form.size()));
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  auto reply = perform(curl.get(), body);
  curl_slist_free_all(headers);
  return reply;
}

}  // namespace uppsikt::service
