#pragma once
// Words and numbers that every document format of a report prints the same way: the
// reference of a question, a heading's line, shares as Swedish percentages.
#include <string>

#include "report/model.h"

namespace uppsikt::report {

// "1.1.1 Målområde 1: Öka kunskapen", or the title alone without a number.
std::string heading_line(const Heading& heading);
// "Strategi 1:1 Öka kunskapen"; empty for a question without an item.
std::string reference_line(const ReportQuestion& question);
// 0.4 → "40 %" (rounded, with a no-break space as Swedish print has it).
std::string percent(double share);
// "12 (40 %)".
std::string count_and_share(const OptionCount& count);
// Whether a choice is one the compiled report lists with its comment ("Nej", "Delvis").
bool needs_attention(const std::string& choice);

}  // namespace uppsikt::report
