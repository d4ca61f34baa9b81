#include "importer/answer_cell.h"

#include <array>

#include "core/text.h"
#include "importer/line_rules.h"

namespace uppsikt::importer {
namespace {

// ☑ counts as checked too; some templates use it instead of ☒.
constexpr std::string_view kCheckMark = "\u2611";

std::size_t next_box(std::string_view line, std::size_t from) {
  std::size_t best = std::string_view::npos;
  for (std::string_view box : {kCheckedBox, kUncheckedBox, kCheckMark}) best = std::min(best, line.find(box, from));
  return best;
}

// "[x] Ja [ ] Nej", as forms typed in a plain editor write boxes, in glyphs.
std::string with_box_glyphs(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const std::string_view rest = line.substr(i);
    if (rest.starts_with("[x]") || rest.starts_with("[X]")) {
      out += kCheckedBox;
      i += 3;
    } else if (rest.starts_with("[ ]") || rest.starts_with("[]")) {
      out += kUncheckedBox;
      i += rest[1] == ']' ? 2 : 3;
    } else {
      out += line[i++];
    }
  }
  return out;
}

}  // namespace

bool has_check_box(std::string_view line) {
  return next_box(with_box_glyphs(line), 0) != std::string_view::npos;
}

void read_check_boxes(std::string_view original, CheckBoxes& boxes) {
  const std::string glyphs = with_box_glyphs(original);
  const std::string_view line = glyphs;
  std::size_t at = next_box(line, 0);
  while (at != std::string_view::npos) {
    const bool checked = !line.substr(at).starts_with(kUncheckedBox);
    const std::size_t label_begin = at + 3;  // every box glyph is three bytes of UTF-8
    const std::size_t end = next_box(line, label_begin);
    const std::string_view label = trim(line.substr(label_begin, end - label_begin));
    if (auto option = answer_option(label))
      (checked ? boxes.checked : boxes.unchecked).push_back(*option);
    else if (!label.empty() || checked)
      boxes.unknown.push_back(std::string(label));
    at = end;
  }
}

bool label_goes_on(std::string_view original, std::string_view next) {
  const std::string glyphs = with_box_glyphs(original);
  const std::string_view line = glyphs;
  std::size_t last = std::string_view::npos;
  for (std::size_t at = next_box(line, 0); at != std::string_view::npos; at = next_box(line, at + 3)) last = at;
  if (last == std::string_view::npos) return false;
  const std::string_view label = trim(line.substr(last + 3));
  return !answer_option(label) && answer_option(std::string(label) + " " + std::string(trim(next)));
}

std::optional<LeadingOption> leading_option(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kPunctuation{",", ".", ":", ";", " -", " \u2013"};
  const std::string_view s = trim(line);
  for (std::size_t cut = 1; cut < s.size() && cut <= 24; ++cut) {
    for (std::string_view mark : kPunctuation) {
      if (s.substr(cut).starts_with(mark) == false) continue;
      auto option = answer_option(s.substr(0, cut));
      if (!option) continue;
      return LeadingOption{*option, std::string(trim(s.substr(cut + mark.size())))};
    }
  }
  return std::nullopt;
}

}  // namespace uppsikt::importer
