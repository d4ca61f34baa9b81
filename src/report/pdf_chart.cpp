#include "report/pdf_chart.h"

#include <algorithm>

#include "report/report_text.h"

namespace uppsikt::report::pdf {
namespace {

constexpr double kBarHeight = 13;
constexpr double kBarGap = 5;
constexpr double kNumberWidth = 70;  // room right of the longest bar for "123 (100 %)"

// Neighbouring bars differ in pattern as well as in shade.
Fill fill_for(std::size_t index) {
  static constexpr Fill kFills[] = {Fill::kDark, Fill::kHatched, Fill::kLight, Fill::kCrossHatched, Fill::kStriped,
                                    Fill::kWhite};
  return kFills[index % std::size(kFills)];
}

}  // namespace

void bar_chart(Document& doc, const std::vector<OptionCount>& counts) {
  if (counts.empty()) return;
  const Style label{.size = 9};
  double label_width = 0;
  for (const OptionCount& c : counts) label_width = std::max(label_width, doc.measure_width(c.option, label));
  label_width = std::min(label_width + 6, doc.text_width() * 0.35);
  const double bar_left = doc.left() + label_width;
  const double bar_area = doc.text_width() - label_width - kNumberWidth;

  const double height = counts.size() * (kBarHeight + kBarGap) + kBarGap;
  const double top = doc.reserve(height + 6);
  doc.line(bar_left, top, bar_left, top + height, 0.6, 0);  // the axis at 0 %
  double y = top + kBarGap;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const OptionCount& c = counts[i];
    doc.text_at(doc.left(), y + 1, label_width - 6, c.option, label, true);
    const double width = bar_area * std::clamp(c.share, 0.0, 1.0);
    if (width > 0) doc.rectangle(bar_left, y, width, kBarHeight, fill_for(i));
    doc.text_at(bar_left + width + 4, y + 1, kNumberWidth - 4, count_and_share(c), label);
    y += kBarHeight + kBarGap;
  }
}

}  // namespace uppsikt::report::pdf
