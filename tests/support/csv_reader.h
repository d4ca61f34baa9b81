#pragma once
// CSV read back as Excel reads it (RFC 4180 with semicolons): fields split by ';', records by
// CRLF, "…" quoting with "" for a quote. Strict, for checking what the renderers write.
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::testing {

using CsvRecords = std::vector<std::vector<std::string>>;

inline CsvRecords parse_csv(std::string_view text) {
  CsvRecords out(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto& field = out.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      out.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) out.emplace_back(1);
    } else {
      field += c;
    }
  }
  return out;
}

}  // namespace uppsikt::testing
