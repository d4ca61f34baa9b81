#pragma once
// The page frame shared by every page: the layout with header, navigation, footer and
// asset links, built in one place, and the response helpers that set the page headers.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct Crumb {
  std::string label;
  std::string href;  // empty for the current page
};

struct Page {
  std::string title;            // the h1 and the <title>
  std::string template_name;    // the body template
  nlohmann::json data = nlohmann::json::object();
  std::vector<Crumb> crumbs;    // breadcrumbs above the title
  std::string nav;              // which main navigation entry is current: "start", "dokument"
  std::string notice;           // a success notice under the title (web/infra/notice.h), or empty
  std::string refresh_to;       // an address to go on to at once (web/onward_page.h), or empty
  // Large HTML written by code (the answering page's questions, some 200 KB), put into the
  // page after the templates are rendered instead of being copied through them.
  std::vector<std::string> spliced;

  // Keeps `html` in `spliced` and returns the marker to give a template for {{{…}}} in its
  // place.
  std::string splice(std::string html);
};

// The whole page as HTML with status 200 and the security headers of every page. The frame
// shows the signed-in person and a sign-out button.
http::Response render_page(const Site& site, const Visit& visit, const Page& page);
// A page without anyone signed in (error pages the server makes itself).
http::Response render_page(const Site& site, const Page& page);

// A Swedish error page for `status` (400, 403, 404, 405, 413, 500). `reference` is the id
// logged with a 500's cause; it is shown so that support can find the log line.
http::Response error_page(const Site& site, int status, const std::string& reference = "");
http::Response error_page(const Site& site, const Visit& visit, int status);

// Headers every response carries (CSP, nosniff, referrer, framing).
void add_security_headers(http::Response& response);

}  // namespace uppsikt::web
