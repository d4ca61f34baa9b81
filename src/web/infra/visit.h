#pragma once
// Who is asking, built once per request before the handler runs: the signed-in person (if
// any) and the CSRF token their forms must carry. Without a session, the token is the
// sign-in form's own, kept in a cookie of its own until sign-in.
#include <optional>
#include <string>

#include "http/message.h"
#include "service/sessions.h"
#include "web/infra/site.h"

namespace uppsikt::web {

struct Visit {
  std::optional<service::SignedIn> signed_in;
  std::string session_token;    // the session cookie's value as sent; may be stale or empty
  std::string csrf_token;       // what a form on this page must send back as _csrf
  bool new_form_token = false;  // csrf_token was just made: the response must set its cookie

  // The signed-in person; only for handlers of pages that require a session.
  const service::Viewer& viewer() const { return signed_in->viewer; }
};

// Resumes the request's session, or picks the sign-in form's token.
Visit visit_of(const Site& site, const http::Request& request);

// Cookie names: "__Host-" prefixed (Secure, Path=/, no Domain) behind TLS.
std::string session_cookie_name(const Site& site);
std::string form_cookie_name(const Site& site);

// Set-Cookie values for the session (until the browser closes; the server ends it sooner),
// for deleting it, and for the sign-in form's token.
std::string session_cookie(const Site& site, const std::string& token);
std::string expired_session_cookie(const Site& site);
std::string form_cookie(const Site& site, const std::string& token);

}  // namespace uppsikt::web
