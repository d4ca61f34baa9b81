#pragma once
// A page that sends the browser on to another site at once, for a form whose answer leads to
// an identity provider (signing in or out there). Every page's Content-Security-Policy has
// "form-action 'self'", which browsers apply to the redirects that follow a form, so a 303 to
// the provider would be blocked; a page that moves on by itself (meta refresh, with a link
// for when it does not) is a new navigation, outside form-action.
#include <string>

#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct Onward {
  std::string url;    // absolute, on the provider's site
  std::string title;  // the page's h1, e.g. "Du är utloggad"
  std::string text;   // one sentence on where the person goes and why
};

// `visit` is null when nobody is signed in any more (after signing out).
http::Response onward_page(const Site& site, const Visit* visit, const Onward& onward);

}  // namespace uppsikt::web
