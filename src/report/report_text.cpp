#include "report/report_text.h"

namespace uppsikt::report {

std::string count_and_share(const OptionCount& count) {
  return std::to_string(count.count) + " (" + percent(count.share) + ")";
}

bool needs_attention(const std::string& choice) { return choice == "Nej" || choice == "Delvis"; }

}  // namespace uppsikt::report
