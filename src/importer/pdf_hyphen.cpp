#include "importer/pdf_hyphen.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string_view>

#include "core/text.h"
#include "importer/line_rules.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

bool starts_lowercase(std::string_view s) {
  if (s.empty()) return false;
  int32_t offset = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), offset, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

// "brotts-", not a dash standing alone (" -") or a double hyphen.
bool ends_with_broken_word(std::string_view s) {
  return s.size() >= 2 && s.back() == '-' && s[s.size() - 2] != ' ' && s[s.size() - 2] != '-';
}

// Joins lines[i] with the first word of lines[i + 1] when that is the rest of a word.
bool join_once(std::vector<CellLine>& lines, std::size_t i) {
  std::string current(trim(lines[i].text));
  const std::string next(trim(lines[i + 1].text));
  if (!ends_with_broken_word(current) || next.empty()) return false;
  const std::size_t space = next.find(' ');
  const std::string_view first_word = std::string_view(next).substr(0, space);
  if (!starts_lowercase(first_word) || is_suspension_conjunction(first_word)) return false;
  current.pop_back();
  current += first_word;
  lines[i].text = std::move(current);
  lines[i + 1].text = space == std::string::npos ? std::string() : std::string(trim(next.substr(space)));
  return true;
}

}  // namespace

void join_broken_words(std::vector<CellLine>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (is_blank(lines[i].text) || is_blank(lines[i + 1].text)) continue;
    if (!join_once(lines, i)) continue;
    // The whole next line was the word's rest: drop it rather than leave a false paragraph break.
    if (is_blank(lines[i + 1].text)) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
}

}  // namespace uppsikt::importer
