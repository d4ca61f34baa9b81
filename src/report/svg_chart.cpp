#include "report/svg_chart.h"

#include <algorithm>
#include <cstdio>

#include "report/html_text.h"

namespace uppsikt::report::svg {
namespace {

constexpr int kWidth = 600;
constexpr int kLabelWidth = 140;
constexpr int kBarWidth = 340;
constexpr int kRowHeight = 28;
constexpr int kBarHeight = 18;

// Six fills that differ without colour; more options reuse them in turn.
constexpr const char* kPatternBodies[] = {
    R"(<rect width="8" height="8" fill="#3a3a3a"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="#3a3a3a" stroke-width="2"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><circle cx="4" cy="4" r="1.6" fill="#3a3a3a"/>)",
    R"(<rect width="8" height="8" fill="#bdbdbd"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><path d="M0,4 L8,4" stroke="#3a3a3a" stroke-width="2"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><path d="M0,0 L8,8 M8,0 L0,8" stroke="#3a3a3a" stroke-width="1"/>)",
};
constexpr int kPatterns = sizeof(kPatternBodies) / sizeof(kPatternBodies[0]);

std::string pattern_id(std::string_view id, std::size_t i) {
  return std::string(id) + "-m" + std::to_string(i % kPatterns);
}

std::string defs(std::string_view id, std::size_t count) {
  std::string out = "<defs>";
  for (std::size_t i = 0; i < std::min<std::size_t>(count, kPatterns); ++i)
    out += "<pattern id=\"" + escape_html(pattern_id(id, i)) +
           "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">" + kPatternBodies[i] + "</pattern>";
  return out + "</defs>";
}

std::string open_svg(std::string_view css_class, std::string_view summary, int height) {
  const std::string h = std::to_string(height);
  return "<svg class=\"" + std::string(css_class) + "\" role=\"img\" aria-label=\"" + escape_html(summary) +
         "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + h + "\" width=\"" + std::to_string(kWidth) +
         "\" height=\"" + h + "\" xmlns=\"http://www.w3.org/2000/svg\">";
}

std::string rect(double x, double y, double width, double height, const std::string& fill) {
  char buf[160];
  std::snprintf(buf, sizeof buf, R"x(<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="url(#)x", x, y, width, height);
  return buf + escape_html(fill) + R"x()" stroke="#000" stroke-width="1"/>)x";
}

std::string text(double x, double y, std::string_view anchor, std::string_view content) {
  char buf[96];
  std::snprintf(buf, sizeof buf, R"(<text x="%.1f" y="%.1f" text-anchor="%s" font-size="13" fill="#000">)", x, y,
                std::string(anchor).c_str());
  return buf + escape_html(content) + "</text>";
}

}  // namespace

std::string bar_chart(std::string_view id, std::string_view summary, const std::vector<Bar>& bars) {
  const int height = static_cast<int>(bars.size()) * kRowHeight + 8;
  std::string out = open_svg("uppsikt-chart", summary, height) + defs(id, bars.size());
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = 4 + static_cast<double>(i) * kRowHeight;
    const double width = std::clamp(bars[i].value, 0.0, 1.0) * kBarWidth;
    out += text(kLabelWidth - 8, y + 14, "end", bars[i].label);
    out += rect(kLabelWidth, y, std::max(width, 1.0), kBarHeight, pattern_id(id, i));
    out += text(kLabelWidth + width + 8, y + 14, "start", bars[i].value_label);
  }
  return out + "</svg>\n";
}

std::string stacked_chart(std::string_view id, std::string_view summary,
                          const std::vector<std::string>& legend, const std::vector<StackedRow>& rows) {
  const int legend_y = static_cast<int>(rows.size()) * kRowHeight + 8;
  const int legend_rows = static_cast<int>((legend.size() + 2) / 3);
  std::string out = open_svg("uppsikt-chart", summary, legend_y + legend_rows * 24 + 4) + defs(id, legend.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double y = 4 + static_cast<double>(r) * kRowHeight;
    out += text(kLabelWidth - 8, y + 14, "end", rows[r].label);
    double x = kLabelWidth;
    for (std::size_t i = 0; i < rows[r].shares.size(); ++i) {
      const double width = std::clamp(rows[r].shares[i], 0.0, 1.0) * kBarWidth;
      if (width <= 0) continue;
      out += rect(x, y, width, kBarHeight, pattern_id(id, i));
      x += width;
    }
  }
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const double x = kLabelWidth + static_cast<double>(i % 3) * 150;
    const double y = legend_y + static_cast<double>(i / 3) * 24;
    out += rect(x, y, 16, 16, pattern_id(id, i));
    out += text(x + 22, y + 13, "start", legend[i]);
  }
  return out + "</svg>\n";
}

}  // namespace uppsikt::report::svg
