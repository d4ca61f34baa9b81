#include "importer/reference_block.h"

#include "importer/line_rules.h"
#include "importer/text_join.h"

namespace uppsikt::importer {

ReferenceBlock read_reference_block(const std::vector<std::string_view>& lines) {
  std::vector<std::string_view> expected;
  std::optional<std::string> before_expected;
  std::vector<std::string_view> seen;
  for (std::string_view line : lines) {
    if (before_expected) {
      expected.push_back(line);
    } else if (auto label = expected_result_label(line)) {
      before_expected = join_lines(seen);
      expected.push_back(*label);
    }
    seen.push_back(line);
  }
  ReferenceBlock block;
  block.text = join_lines(seen);
  block.number = find_reference_number(before_expected.value_or(block.text));
  std::string result = join_lines(expected);
  if (!result.empty()) block.expected_result = std::move(result);
  return block;
}

}  // namespace uppsikt::importer
