#pragma once
// The few HTTP requests a relying party makes to an identity provider (discovery, keys, the
// token endpoint), through libcurl: TLS checked against the system's certificates, redirects
// not followed, a short timeout, and at most 1 MiB read. A failure is a value, not an exception.
#include <string>

namespace uppsikt::service {

struct HttpReply {
  long status = 0;     // 0 when no answer came
  std::string body;
  std::string error;   // for the log: why no answer came; empty when one did
  bool ok() const { return error.empty() && status == 200; }
};

HttpReply http_get(const std::string& url);
// POSTs `form` (application/x-www-form-urlencoded) with HTTP Basic authentication as
// `user`:`password` (each form-urlencoded first, as RFC 6749 2.3.1 asks).
HttpReply http_post_form(const std::string& url, const std::string& form, const std::string& user,
                         const std::string& password);

// Form-urlencodes `text` (RFC 3986 unreserved characters kept).
std::string url_encode(const std::string& text);

}  // namespace uppsikt::service
