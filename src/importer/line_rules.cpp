#include "importer/line_rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "importer/answer_scales.h"
#include "core/text.h"

namespace uppsikt::importer {
namespace {

// Section numbers deeper than this are list items or dates, not headings.
constexpr std::size_t kMaxSectionLevels = 4;
// How far a sibling number may jump: follow-ups sometimes leave out sections that have no
// questions, but "2023" after section 1 is a year.
constexpr int kMaxSectionStep = 3;
// A number written "N." is a heading's below this, a year or an amount from it on.
constexpr int kMaxDottedPart = 100;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Reads a run of digits at `pos`; returns its value and moves `pos` past it.
std::optional<int> read_int(std::string_view s, std::size_t& pos) {
  const std::size_t start = pos;
  int value = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < 6) value = value * 10 + (s[pos++] - '0');
  if (pos == start || (pos < s.size() && is_digit(s[pos]))) return std::nullopt;
  return value;
}

// "Sida 3 av 7", as text copied out of a PDF keeps each page's footer: the page's furniture,
// which the PDF importer leaves out too. Only the shapes that say "Sida"/"Page" are sure
// enough without the page's geometry; a bare "3" may be text.
bool is_page_footer(std::string_view line) {
  std::string shape;
  for (char c : fold_case(collapse_space(line))) {
    if (is_digit(c)) {
      if (shape.empty() || shape.back() != '#') shape += '#';
    } else {
      shape += c;
    }
  }
  static constexpr std::array<std::string_view, 6> kShapes{"sida #",      "sida # av #", "sida #(#)",
                                                           "sida # (#)", "page # of #", "sida # / #"};
  return std::find(kShapes.begin(), kShapes.end(), shape) != kShapes.end();
}

void add_piece(std::vector<SourceLine>& lines, int number, std::string_view piece) {
  if (is_table_header(piece) || is_page_footer(piece)) return;
  lines.push_back({number, piece});
}

// The "N:M" / "N.M" at `pos` and its length, or nothing.
std::optional<std::size_t> reference_number_length(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  if (!read_int(s, end)) return std::nullopt;
  if (end >= s.size() || (s[end] != ':' && s[end] != '.')) return std::nullopt;
  ++end;
  if (!read_int(s, end)) return std::nullopt;
  return end - pos;
}

}  // namespace

std::vector<SourceLine> source_lines(std::string_view text) {
  std::vector<SourceLine> lines;
  int number = 0;
  for (std::string_view line : split_lines(text)) {
    ++number;
    // pdftotext puts the form feed before a page's first line; the piece before it only
    // counts when it holds something, so a page break does not invent a paragraph break.
    std::size_t ff;
    while ((ff = line.find('\f')) != std::string_view::npos) {
      if (!is_blank(line.substr(0, ff))) add_piece(lines, number, line.substr(0, ff));
      line.remove_prefix(ff + 1);
    }
    add_piece(lines, number, line);
  }
  return lines;
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

bool is_table_header(std::string_view line) {
  // A PDF may also break the two column titles onto lines of their own.
  static const std::array<std::string, 3> kHeaders{
      fold_case("Uppföljningsfrågor Svarsalternativ med kommentar"),
      fold_case("Uppföljningsfrågor"), fold_case("Svarsalternativ med kommentar")};
  const std::string folded = fold_case(collapse_space(line));
  for (const auto& header : kHeaders)
    if (folded == header) return true;
  return false;
}

std::optional<std::string> answer_option(std::string_view line) { return recognised_option(line); }

std::optional<HeadingLine> parse_heading_line(std::string_view line) {
  const std::string_view s = trim(line);
  HeadingLine heading;
  std::size_t pos = 0;
  while (true) {
    auto part = read_int(s, pos);
    if (!part || heading.number.size() == kMaxSectionLevels) return std::nullopt;
    heading.number.push_back(*part);
    if (pos < s.size() && s[pos] == '.' && pos + 1 < s.size() && is_digit(s[pos + 1])) {
      ++pos;
      continue;
    }
    break;
  }
  // "2. Trygghet", "2.1. Mål"; but "2023. Rapporterna …" starts a sentence with a year.
  if (pos < s.size() && s[pos] == '.') {
    for (int part : heading.number)
      if (part >= kMaxDottedPart) return std::nullopt;
    ++pos;
  }
  if (pos >= s.size() || !is_space(s[pos])) return std::nullopt;
  heading.title = trim(s.substr(pos));
  if (!starts_with_capital(heading.title)) return std::nullopt;
  return heading;
}

bool plausible_next_section(const SectionNumber& previous, const SectionNumber& next) {
  if (next.empty()) return false;
  if (previous.empty()) return true;
  const std::size_t level = next.size();
  if (level > previous.size() + 1) return false;
  for (std::size_t i = 0; i + 1 < level; ++i)
    if (next[i] != previous[i]) return false;
  const int from = level <= previous.size() ? previous[level - 1] : 0;
  return next.back() > from && next.back() <= from + kMaxSectionStep;
}

std::string format_section_number(const SectionNumber& number) {
  std::string out;
  for (int part : number) {
    if (!out.empty()) out += '.';
    out += std::to_string(part);
  }
  return out;
}

bool is_reference_start(std::string_view line) {
  const std::string_view s = trim(line);
  if (starts_with_ci(s, "Genomförs aktiviteter")) return true;
  for (std::string_view word : {"Strategi", "Insats", "Åtgärd"}) {
    if (!starts_with_ci(s, word) || s.size() <= word.size() || !is_space(s[word.size()])) continue;
    const std::string_view rest = trim(s.substr(word.size()));
    if (reference_number_length(rest, 0)) return true;
  }
  const auto length = reference_number_length(s, 0);
  return length && (*length == s.size() || is_space(s[*length]));
}

std::optional<std::string> find_reference_number(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!is_digit(text[pos]) || (pos > 0 && is_digit(text[pos - 1]))) continue;
    if (auto length = reference_number_length(text, pos)) return std::string(text.substr(pos, *length));
  }
  return std::nullopt;
}

std::optional<std::string_view> expected_result_label(std::string_view line) {
  constexpr std::string_view kLabel = "Förväntat resultat";
  const std::string_view s = trim(line);
  if (!starts_with_ci(s, kLabel)) return std::nullopt;
  std::string_view rest = trim(s.substr(kLabel.size()));
  if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
  return trim(rest);
}

bool starts_with_capital(std::string_view line) {
  const std::string_view s = trim(line);
  if (s.empty()) return false;
  int32_t offset = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), offset, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

bool ends_sentence(std::string_view line) {
  const std::string_view s = trim(line);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

}  // namespace uppsikt::importer
