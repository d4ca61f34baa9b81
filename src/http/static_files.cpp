#include "http/static_files.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace uppsikt::http {
namespace {

constexpr std::string_view kPrefix = "/static/";
constexpr std::size_t kHashLength = 10;

std::string content_type_for(std::string_view name) {
  const auto dot = name.rfind('.');
  const auto ext = dot == std::string_view::npos ? std::string_view{} : name.substr(dot + 1);
  static const std::map<std::string_view, std::string_view> kTypes = {
      {"css", "text/css; charset=utf-8"},  {"js", "text/javascript; charset=utf-8"},
      {"svg", "image/svg+xml"},            {"png", "image/png"},
      {"woff2", "font/woff2"},             {"woff", "font/woff"},
      {"ico", "image/x-icon"},             {"txt", "text/plain; charset=utf-8"},
      {"json", "application/json"},        {"map", "application/json"},
      {"jpg", "image/jpeg"},               {"html", "text/html; charset=utf-8"},
  };
  auto it = kTypes.find(ext);
  return std::string(it == kTypes.end() ? "application/octet-stream" : it->second);
}

// "dir/app.css" → "dir/app.<hash>.css"; the dot is searched in the last segment only.
std::string hashed_name_for(std::string_view name, std::string_view hash) {
  const auto slash = name.rfind('/');
  const auto base_start = slash == std::string_view::npos ? 0 : slash + 1;
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot <= base_start) {
    return fmt::format("{}.{}", name, hash);
  }
  return fmt::format("{}.{}{}", name.substr(0, dot), hash, name.substr(dot));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("static files: cannot read {}", path.string()));
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

// True when an If-None-Match value ("a", W/"b", or *) names `etag`.
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    auto candidate = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate.substr(0, 2) == "W/") candidate.remove_prefix(2);
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

std::uint64_t fnv1a_64(std::string_view data) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

StaticFiles::StaticFiles(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    throw std::runtime_error(fmt::format("static files: {} is not a directory", directory.string()));
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    if (!entry.is_regular_file()) continue;
    add(entry.path().lexically_relative(directory).generic_string(), read_file(entry.path()));
  }
}

StaticFiles StaticFiles::from_memory(std::vector<std::pair<std::string, std::string>> files) {
  StaticFiles result;
  for (auto& [name, body] : files) result.add(std::move(name), std::move(body));
  return result;
}

void StaticFiles::add(std::string name, std::string body) {
  const auto hex = fmt::format("{:016x}", fnv1a_64(body));
  File file;
  file.content_type = content_type_for(name);
  file.etag = fmt::format("\"{}\"", hex);
  file.hashed_name = hashed_name_for(name, std::string_view(hex).substr(0, kHashLength));
  file.body = std::move(body);
  hashed_to_plain_[file.hashed_name] = name;
  files_[std::move(name)] = std::move(file);
}

std::string StaticFiles::url_for(std::string_view name) const {
  auto it = files_.find(name);
  if (it == files_.end()) return fmt::format("{}{}", kPrefix, name);
  return fmt::format("{}{}", kPrefix, it->second.hashed_name);
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  std::string_view path = request.path;
  if (path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const auto name = path.substr(kPrefix.size());

  // Lookup only: a name never loaded, such as "../etc/passwd", simply is not found.
  bool hashed = false;
  auto it = files_.find(name);
  if (it == files_.end()) {
    auto plain = hashed_to_plain_.find(name);
    if (plain == hashed_to_plain_.end()) return std::nullopt;
    it = files_.find(plain->second);
    hashed = true;
  }
  const File& file = it->second;

  Response response;
  response.set_header("ETag", file.etag);
  // A hashed name's content never changes; a plain name must be revalidated every time.
  response.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  if (auto inm = request.header("if-none-match"); inm && etag_matches(*inm, file.etag)) {
    response.status = 304;
    return response;
  }
  response.status = 200;
  response.set_header("Content-Type", file.content_type);
  response.body = file.body;
  return response;
}

}  // namespace uppsikt::http
