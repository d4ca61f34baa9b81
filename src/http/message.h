#pragma once
// Plain request and response values that handlers see; the server converts to and from
// Beast's types, so no header outside http/*.cpp includes Beast.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uppsikt::http {

struct Request {
  std::string method;  // "GET", "POST" …
  std::string target;  // as sent: "/omgang/3?sort=namn"
  std::string path;    // decoded path without query: "/omgang/3"
  std::multimap<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> path_params;   // filled by the router: {"id", "3"}
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_address;
  // For logs and metrics. `route`: the pattern that matched ("/omgangar/{id}"), set by the
  // router or the handler, never the raw path, which holds ids and one-time tokens.
  // `id`: the X-Request-Id the client or a proxy sent, when well-formed, or one made here;
  // the response carries it back.
  std::string route;
  std::string id;

  // The first header named `name` (lower case), if any.
  std::optional<std::string_view> header(std::string_view name) const;
  // The first query parameter named `name`, if any.
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::string_view param(std::string_view name) const;  // path parameter, "" when absent
};

// A body made piece by piece while it is sent, for answers too long to hold in memory (a
// national round's answers). The server calls it again and again, each time after the previous
// piece went out, on one of its threads: it appends the next piece to `out` (which arrives
// empty) and returns false after the last one. The response goes out chunked. Should it throw,
// the connection is cut, so that the client sees an incomplete answer, not a short one.
using BodyWriter = std::function<bool(std::string& out)>;

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Who asked (a user id), for the access log only; never sent.
  std::string log_user;
  BodyWriter stream;  // when set, the body is made by it and `body` is not sent

  Response& set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;  // case-insensitive
};

Response text_response(int status, std::string body);
Response html_response(int status, std::string body);
Response redirect(std::string location, int status = 303);

// "%C3%A5" → "å", '+' → ' ' when `plus_is_space` (query strings, forms).
std::string url_decode(std::string_view s, bool plus_is_space);
std::multimap<std::string, std::string> parse_query(std::string_view query);

}  // namespace uppsikt::http
