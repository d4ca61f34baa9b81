#include "report/report_text.h"

#include <cmath>

namespace uppsikt::report {

std::string heading_line(const Heading& heading) {
  return heading.number.empty() ? heading.title : heading.number + " " + heading.title;
}

std::string reference_line(const ReportQuestion& q) {
  std::string out = q.reference_kind;
  for (const std::string* part : {&q.reference_number, &q.reference_title}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

std::string percent(double share) {
  return std::to_string(std::lround(share * 100)) + "\u00A0%";
}

std::string count_and_share(const OptionCount& count) {
  return std::to_string(count.count) + " (" + percent(count.share) + ")";
}

bool needs_attention(const std::string& choice) { return choice == "Nej" || choice == "Delvis"; }

}  // namespace uppsikt::report
