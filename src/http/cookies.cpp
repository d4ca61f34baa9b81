#include "http/cookies.h"

namespace uppsikt::http {
namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (key != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const auto pair = trim_spaces(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || trim_spaces(pair.substr(0, eq)) != name) continue;
      auto v = trim_spaces(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string{v};
    }
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string out{name};
  out += '=';
  out += value;
  out += "; Path=" + options.path;
  if (options.max_age) out += "; Max-Age=" + std::to_string(*options.max_age);
  if (options.http_only) out += "; HttpOnly";
  if (options.secure) out += "; Secure";
  if (!options.same_site.empty()) out += "; SameSite=" + options.same_site;
  return out;
}

}  // namespace uppsikt::http
