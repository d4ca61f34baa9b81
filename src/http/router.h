#pragma once
// Maps method + path pattern to a handler. Patterns are literal segments and `{name}`
// placeholders ("/omgang/{id}"); the first match in the order added wins.
#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace uppsikt::http {

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void get(std::string pattern, Handler handler) { add("GET", std::move(pattern), std::move(handler)); }
  void post(std::string pattern, Handler handler) { add("POST", std::move(pattern), std::move(handler)); }

  enum class Match { found, no_path, wrong_method };
  struct Result {
    Match match = Match::no_path;
    const Handler* handler = nullptr;
    std::vector<std::string> allowed;  // methods allowed on the path, for 405's Allow header
  };
  // Finds the handler for `request` and fills `request.path_params`.
  Result route(Request& request) const;

  // Every route's method and pattern as added, in order (for tests that cover every route).
  struct Entry {
    std::string method;
    std::string pattern;
  };
  std::vector<Entry> entries() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace uppsikt::http
