#include "importer/pdf_columns.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "core/text.h"

namespace uppsikt::importer {
namespace {

// Headers and footers live in the top and bottom tenth of a page.
constexpr double kFurnitureBand = 0.10;
// Space above a line beyond this share of its height is a paragraph break, not leading.
constexpr double kParagraphGap = 0.6;
// Words closer than this share of the line height are one run of text, not two columns: a
// word space is about a quarter of it, the padding of two table cells (Word: 2 × 0.19 cm)
// nearly the whole.
constexpr double kWordGap = 0.45;

bool in_furniture_band(const PdfPage& page, const PdfLine& line) {
  return line.bottom < page.height * kFurnitureBand || line.top > page.height * (1 - kFurnitureBand);
}

// The line with digit runs as '#', folded: "Sida 3 av 7" and "Sida 4 av 7" are the same.
std::string shape(const PdfLine& line) {
  std::string out;
  for (char c : fold_case(line_text(line))) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (out.empty() || out.back() != '#') out += '#';
    } else {
      out += c;
    }
  }
  return collapse_space(out);
}

bool is_page_number(const std::string& shape) {
  static const std::vector<std::string> kShapes{"#", "sida #", "sida # av #", "sida #(#)", "sida # (#)", "# (#)",
                                                "#/#", "# / #", "- # -", "– # –", "page # of #", "# av #"};
  return std::find(kShapes.begin(), kShapes.end(), shape) != kShapes.end();
}

// Shapes of the band lines that come back on more than one page.
std::map<std::string, int> band_shapes(const std::vector<PdfPage>& pages) {
  std::map<std::string, int> count;
  for (const PdfPage& page : pages) {
    std::vector<std::string> seen;
    for (const PdfLine& line : page.lines)
      if (in_furniture_band(page, line)) seen.push_back(shape(line));
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const auto& s : seen) ++count[s];
  }
  return count;
}

// The answer column starts where its title "Svarsalternativ" stands on this page, or on
// the last page that showed it.
std::optional<double> header_split(const PdfPage& page) {
  for (const PdfLine& line : page.lines)
    for (const PdfWord& w : line.words)
      if (fold_case(w.text) == fold_case("Svarsalternativ")) return w.left;
  return std::nullopt;
}

// Without a header, the widest vertical strip in the middle half of the page that no
// word crosses.
std::optional<double> gap_split(const PdfPage& page) {
  const int width = static_cast<int>(page.width);
  if (width <= 0 || width > 10'000) return std::nullopt;
  std::vector<int> cover(static_cast<std::size_t>(width) + 1, 0);
  for (const PdfLine& line : page.lines)
    for (const PdfWord& w : line.words)
      for (int x = std::max(0, static_cast<int>(w.left)); x <= std::min(width, static_cast<int>(w.right)); ++x) ++cover[x];
  int best_start = -1, best_length = 0, start = -1;
  for (int x = width / 4; x <= width * 3 / 4; ++x) {
    if (cover[x] == 0) {
      if (start < 0) start = x;
      if (x - start + 1 > best_length) best_start = start, best_length = x - start + 1;
    } else {
      start = -1;
    }
  }
  if (best_length < 4) return std::nullopt;
  return best_start + best_length;
}

ColumnLine split_line(const PdfLine& line, std::optional<double> split, int page) {
  ColumnLine out;
  out.page = page;
  out.number = line.number;
  const double height = std::max(line.bottom - line.top, 1.0);
  std::vector<const PdfWord*> left, right;
  for (const PdfWord& w : line.words) (split && w.left >= *split - 1 ? right : left).push_back(&w);
  // A word that reaches over the boundary, or a normal word space at it, means one run of
  // text across the page: a heading, not two cells.
  const bool crosses = !left.empty() && !right.empty() &&
                       (left.back()->right > *split + 1 || right.front()->left - left.back()->right < kWordGap * height);
  if (crosses) {
    left.insert(left.end(), right.begin(), right.end());
    right.clear();
    out.full_width = true;
  }
  auto join = [](const std::vector<const PdfWord*>& words) {
    std::string s;
    for (const PdfWord* w : words) s += (s.empty() ? "" : " ") + w->text;
    return s;
  };
  out.left = join(left);
  out.right = join(right);
  return out;
}

}  // namespace

std::vector<PdfPage> without_furniture(std::vector<PdfPage> pages) {
  const auto repeated = band_shapes(pages);
  for (PdfPage& page : pages) {
    std::erase_if(page.lines, [&](const PdfLine& line) {
      if (!in_furniture_band(page, line)) return false;
      const std::string s = shape(line);
      return is_page_number(s) || (pages.size() > 1 && repeated.at(s) > 1);
    });
  }
  return pages;
}

std::vector<ColumnLine> column_lines(const std::vector<PdfPage>& pages) {
  const auto repeated = band_shapes(pages);
  std::vector<ColumnLine> out;
  std::optional<double> split;
  for (const PdfPage& page : pages) {
    if (auto here = header_split(page)) split = here;
    else if (!split) split = gap_split(page);
    double left_bottom = -1, right_bottom = -1;
    bool first = true;
    for (const PdfLine& line : page.lines) {
      if (in_furniture_band(page, line)) {
        const std::string s = shape(line);
        if (is_page_number(s) || (pages.size() > 1 && repeated.at(s) > 1)) continue;
      }
      ColumnLine c = split_line(line, split, page.number);
      const double leading = kParagraphGap * (line.bottom - line.top);
      if (!c.left.empty()) {
        c.gap_left = left_bottom >= 0 && line.top - left_bottom > leading;
        left_bottom = line.bottom;
      }
      if (!c.right.empty() || c.full_width) {
        c.gap_right = right_bottom >= 0 && line.top - right_bottom > leading;
        right_bottom = line.bottom;
      }
      c.page_start = std::exchange(first, false);
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace uppsikt::importer
