// The long form (one row per unit × question) that CSV, XLSX and JSON share.
#include "report/labels.h"
#include "report/model.h"

namespace uppsikt::report {

std::vector<LongRow> long_rows(const CompiledReport& report) {
  std::vector<LongRow> rows;
  for (const auto& section : report.sections) {
    const std::string section_name = heading_label(section.heading);
    for (const auto& q : section.questions) {
      const std::string reference = reference_full(q.question);
      for (const auto& a : q.answers)
        rows.push_back({report.round_name, section.document, section_name, reference, q.question.text,
                        a.unit, a.choice, a.comment, a.handed_in_at});
    }
  }
  return rows;
}

std::vector<LongRow> long_rows(const UnitReport& report) {
  std::vector<LongRow> rows;
  for (const auto& section : report.sections) {
    const std::string section_name = heading_label(section.heading);
    for (const auto& a : section.answers)
      rows.push_back({report.round_name, section.document, section_name, reference_full(a.question),
                      a.question.text, report.unit_name, a.choice, a.comment, report.handed_in_at});
  }
  return rows;
}

}  // namespace uppsikt::report
