#pragma once
// Cookies: reading a request's cookies and writing a Set-Cookie value.
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace uppsikt::http {

// The value of the first cookie named `name` in the Cookie headers, if any.
std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
  bool secure = false;      // only over TLS
  bool http_only = true;    // out of reach of scripts
  std::string same_site = "Lax";
  std::string path = "/";
  std::optional<long> max_age;  // seconds; 0 deletes; none: until the browser closes
};

// The value of a Set-Cookie header. `value` must be a cookie-octet string (hex tokens are).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace uppsikt::http
