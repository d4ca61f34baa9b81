#pragma once
// Charts drawn as inline SVG, readable in grey scale: every option has its own fill pattern
// (solid, hatched, dotted …) and every bar carries its label and number as text. The same
// numbers always stand in a table beside the chart, for screen readers.
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::report::svg {

struct Bar {
  std::string label;        // "Ja"
  double value = 0;         // 0–1, the bar's length as a share of the full width
  std::string value_label;  // "12 (67 %)"
};

// One horizontal bar per entry, bar i filled with pattern i. `id` makes the pattern ids
// unique on a page; `summary` is the chart's accessible name.
std::string bar_chart(std::string_view id, std::string_view summary, const std::vector<Bar>& bars);

struct StackedRow {
  std::string label;           // "2023"
  std::vector<double> shares;  // one per legend entry, summing to at most 1
};

// One bar per row split into the legend's parts (part i with pattern i), a legend below.
std::string stacked_chart(std::string_view id, std::string_view summary,
                          const std::vector<std::string>& legend, const std::vector<StackedRow>& rows);

}  // namespace uppsikt::report::svg
