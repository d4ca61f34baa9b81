#include "http/router.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace uppsikt::http {
namespace {

// Empty segments are skipped, which makes "/omgangar/3/" and "/omgangar/3" the same path.
std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const auto segment = path.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches decoded request segments against a pattern, collecting placeholder values.
bool match_segments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                    std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  std::map<std::string, std::string> bound;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_placeholder(pattern[i])) {
      bound[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  params = std::move(bound);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  std::vector<std::string> segments;
  for (auto segment : split_segments(pattern)) segments.emplace_back(segment);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

std::vector<Router::Entry> Router::entries() const {
  std::vector<Entry> out;
  for (const auto& route : routes_) out.push_back(Entry{route.method, route.pattern});
  return out;
}

Router::Result Router::route(Request& request) const {
  // Split the raw path before decoding, so that an encoded "/" (%2F) stays inside its segment.
  std::string_view raw = request.target.empty() ? std::string_view(request.path) : request.target;
  raw = raw.substr(0, raw.find('?'));
  std::vector<std::string> path;
  for (auto segment : split_segments(raw)) path.push_back(url_decode(segment, false));

  Result result;
  // HEAD is answered like GET (the server drops the body), unless a route claims HEAD itself.
  const Route* head_fallback = nullptr;
  std::map<std::string, std::string> head_params;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match_segments(route.segments, path, params)) continue;
    if (route.method == request.method) {
      request.path_params = std::move(params);
      request.route = route.pattern;
      result.match = Match::found;
      result.handler = &route.handler;
      result.allowed.clear();
      return result;
    }
    if (request.method == "HEAD" && route.method == "GET" && head_fallback == nullptr) {
      head_fallback = &route;
      head_params = std::move(params);
    }
    auto add_allowed = [&](const std::string& method) {
      if (std::find(result.allowed.begin(), result.allowed.end(), method) == result.allowed.end()) {
        result.allowed.push_back(method);
      }
    };
    add_allowed(route.method);
    if (route.method == "GET") add_allowed("HEAD");
  }
  if (head_fallback != nullptr) {
    request.path_params = std::move(head_params);
    request.route = head_fallback->pattern;
    result.match = Match::found;
    result.handler = &head_fallback->handler;
    result.allowed.clear();
    return result;
  }
  result.match = result.allowed.empty() ? Match::no_path : Match::wrong_method;
  return result;
}

}  // namespace uppsikt::http
