#pragma once
// Static assets served from memory. Every file under a directory is read once at start and
// given a content hash, so that pages can link "/static/app.<hash>.css" and browsers may
// cache it forever: a changed file gets a new name. Only names loaded at start are served,
// so no request path can reach outside the directory.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace uppsikt::http {

class StaticFiles {
 public:
  StaticFiles() = default;
  // Reads every regular file under `directory` (names relative to it, '/'-separated).
  // Throws std::runtime_error when the directory or a file cannot be read.
  explicit StaticFiles(const std::filesystem::path& directory);
  // The same from name → content pairs, for embedded assets and tests.
  static StaticFiles from_memory(std::vector<std::pair<std::string, std::string>> files);

  // "/static/<stem>.<10 hex>.<ext>" for a loaded `name`; "/static/<name>" when unknown,
  // so that a missing asset shows up as a 404 rather than a broken page.
  std::string url_for(std::string_view name) const;

  // The response for a GET or HEAD under /static/: 200 with Content-Type, ETag and
  // Cache-Control (immutable for hashed names, no-cache for plain ones) or 304 when
  // If-None-Match matches. nullopt for anything else, which the caller answers with 404.
  std::optional<Response> serve(const Request& request) const;

  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;         // quoted, as sent: "\"<16 hex>\""
    std::string hashed_name;  // "app.0123456789.css"
  };
  void add(std::string name, std::string body);

  std::map<std::string, File, std::less<>> files_;                 // by plain name
  std::map<std::string, std::string, std::less<>> hashed_to_plain_;  // hashed name → plain
};

// 64-bit FNV-1a: a content fingerprint for cache busting, not a security measure.
std::uint64_t fnv1a_64(std::string_view data);

}  // namespace uppsikt::http
