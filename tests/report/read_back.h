#pragma once
// Reading a rendered document back with real tools (pdftotext, pdfinfo, LibreOffice) and
// checking that the text came out whole and in order.
#include <array>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/fixture.h"  // read_file

namespace uppsikt::testing {

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// What `command` printed on standard output (standard error is left alone).
inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buf;
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  pclose(pipe);
  return out;
}

// `s` without white space (ASCII and no-break space) and soft hyphens: wrapping puts line
// breaks inside words, so the text is compared without them.
inline std::string squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (c == '\xC2' && i + 1 < s.size() && (s[i + 1] == '\xA0' || s[i + 1] == '\xAD')) {
      ++i;
      continue;
    }
    out += c;
  }
  return out;
}

// The first of `expected` that is not found in `text` after the ones before it (both
// squeezed), or nothing when all are there in order.
inline std::optional<std::string> first_out_of_order(std::string_view text, const std::vector<std::string>& expected) {
  const std::string haystack = squeeze(text);
  std::size_t at = 0;
  for (const std::string& e : expected) {
    const std::size_t found = haystack.find(squeeze(e), at);
    if (found == std::string::npos) return e;
    at = found + squeeze(e).size();
  }
  return std::nullopt;
}

}  // namespace uppsikt::testing
