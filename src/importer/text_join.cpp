#include "importer/text_join.h"

#include <array>
#include <optional>

#include "core/text.h"

namespace uppsikt::importer {
namespace {

bool starts_with_conjunction(std::string_view line) {
  return is_suspension_conjunction(line.substr(0, line.find_first_of(" \t,")));
}

// A hyphen that ends a word ("Miljö-"), not a dash standing alone (" - ").
bool ends_with_word_hyphen(const std::string& text) {
  return text.size() >= 2 && text.back() == '-' && text[text.size() - 2] != ' ';
}

// The glyph and space that begin an item of a bulleted list, as a PDF or a text file keeps
// it ("• Utbildning …", "- Utbildning …"); a document's own list holds the item alone.
// Word's bullets come out of its PDFs as the Symbol and Wingdings fonts' private-use
// letters (U+F0B7 the dot, U+F0A7 the square, U+F0D8 the arrow, U+F0FC the tick).
constexpr std::array<std::string_view, 11> kBullets{"\u2022 ", "\u25aa ", "\u25e6 ", "\u25cf ", "\u2023 ", "\uf0b7 ",
                                                    "\uf0a7 ", "\uf0d8 ", "\uf0fc ", "- ",      "* "};

std::optional<std::string_view> bullet_item(std::string_view line) {
  const std::string_view s = trim(line);
  for (std::string_view bullet : kBullets)
    if (s.starts_with(bullet) && s.size() > bullet.size()) return trim(s.substr(bullet.size()));
  return std::nullopt;
}

}  // namespace

bool is_suspension_conjunction(std::string_view word) {
  static constexpr std::array<std::string_view, 4> kConjunctions{"och", "eller", "samt", "respektive"};
  for (std::string_view conjunction : kConjunctions)
    if (word == conjunction) return true;
  return false;
}

std::string join_lines(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::string_view raw : lines) {
    const std::string line = collapse_space(raw);
    if (line.empty()) continue;
    if (!out.empty() && !(ends_with_word_hyphen(out) && !starts_with_conjunction(line))) out += ' ';
    out += line;
  }
  return out;
}

std::string join_paragraphs(const std::vector<std::string_view>& lines) {
  std::string out;
  std::vector<std::string_view> paragraph;
  auto flush = [&] {
    std::string text = join_lines(paragraph);
    paragraph.clear();
    if (text.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += text;
  };
  for (std::string_view line : lines) {
    if (trim(line).empty()) {
      flush();
      continue;
    }
    // Each item of a list is a paragraph of its own, without its bullet.
    if (auto item = bullet_item(line)) {
      flush();
      line = *item;
    }
    paragraph.push_back(line);
  }
  flush();
  return out;
}

}  // namespace uppsikt::importer
