// The long form (one row per unit × question) that CSV, XLSX and JSON share.
#include "report/labels.h"
#include "report/model.h"

namespace uppsikt::report {

void for_each_long_row(const CompiledReport& report, const std::function<void(const LongRow&)>& row) {
  for (const auto& section : report.sections) {
    const std::string section_name = heading_label(section.heading);
    for (const auto& q : section.questions) {
      const std::string reference = reference_full(q.question);
      for (const auto& a : q.answers)
        row({report.round_name, section.document, section_name, reference, q.question.text, a.unit, a.choice,
             a.comment, a.handed_in_at});
    }
  }
}

void for_each_long_row(const UnitReport& report, const std::function<void(const LongRow&)>& row) {
  for (const auto& section : report.sections) {
    const std::string section_name = heading_label(section.heading);
    for (const auto& a : section.answers)
      row({report.round_name, section.document, section_name, reference_full(a.question), a.question.text,
           report.unit_name, a.choice, a.comment, report.handed_in_at});
  }
}

std::size_t long_row_count(const CompiledReport& report) {
  std::size_t n = 0;
  for (const auto& section : report.sections)
    for (const auto& q : section.questions) n += q.answers.size();
  return n;
}

std::size_t long_row_count(const UnitReport& report) {
  std::size_t n = 0;
  for (const auto& section : report.sections) n += section.answers.size();
  return n;
}

}  // namespace uppsikt::report
