#pragma once
// Signing in over HTTP for page tests: fetch the form for its CSRF token and cookie, post
// the credentials, and return the session cookie ("uppsikt_session=…") to send as Cookie.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "support/http_get.h"

namespace uppsikt::testing {

// The value of the hidden _csrf field in a page, or "".
inline std::string csrf_of(const std::string& body) {
  const std::string marker = "name=\"_csrf\" value=\"";
  auto at = body.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return body.substr(at, body.find('"', at) - at);
}

// "name=value" of a Set-Cookie header value.
inline std::string cookie_pair(const std::string& set_cookie) { return set_cookie.substr(0, set_cookie.find(';')); }

inline std::string sign_in(std::uint16_t port, const std::string& email, const std::string& password) {
  auto form = fetch(port, "GET", "/logga-in");
  const std::string form_cookie = cookie_pair(form.headers["set-cookie"]);
  auto posted = fetch(port, "POST", "/logga-in",
                      "_csrf=" + csrf_of(form.body) + "&epost=" + email + "&losenord=" + password,
                      "Cookie: " + form_cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  if (posted.status != 303) throw std::runtime_error("sign-in as " + email + " gave " + std::to_string(posted.status));
  return cookie_pair(posted.headers["set-cookie"]);
}

}  // namespace uppsikt::testing
