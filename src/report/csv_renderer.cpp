#include "report/csv_renderer.h"

#include <cmath>

#include "core/csv.h"
#include "report/labels.h"

namespace uppsikt::report {
namespace {

template <typename Report>
std::string long_form(const Report& report) {
  std::string out{csv::bom};
  out += csv::record({"Omgång", "Styrdokument", "Avsnitt", "Referens", "Fråga", "Enhet", "Svar",
                      "Kommentar", "Inlämnad (UTC)"});
  for_each_long_row(report, [&out](const LongRow& r) {
    out += csv::record({r.round, r.document, r.section, r.reference, r.question, r.unit, r.answer,
                        r.comment, r.handed_in});
  });
  return out;
}

// 0.6667 → "66,7": one decimal, as Swedish Excel reads a number.
std::string percent_number(double share) {
  long tenths = std::lround(share * 1000);
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
}

}  // namespace

std::string render_csv(const CompiledReport& report) {
  std::string out = long_form(report);
  // The coordinator's assessments: the office in the unit's column, the text as its comment.
  auto row = [&](std::string_view document, std::string_view section, std::string_view question, const std::string& text) {
    if (!text.empty())
      out += csv::record({report.round_name, document, section, "", question, report.assessment_heading, "", text, ""});
  };
  row("", "", "", report.assessment);
  for (const auto& s : report.sections) {
    row(s.document, heading_label(s.heading), "", s.assessment);
    for (const auto& q : s.questions) row(s.document, heading_label(s.heading), q.question.text, q.assessment);
  }
  return out;
}
std::string render_csv(const UnitReport& report) { return long_form(report); }

std::string render_counts_csv(const CompiledReport& report) {
  std::string out{csv::bom};
  out += csv::record({"Omgång", "Styrdokument", "Avsnitt", "Nummer", "Fråga", "Referens",
                      "Svarsalternativ", "Antal", "Andel (%)", "Besvarade", "Tillfrågade"});
  for (const auto& section : report.sections)
    for (const auto& q : section.questions)
      for (const auto& c : q.counts)
        out += csv::record({report.round_name, section.document, heading_label(section.heading),
                            std::to_string(q.question.number), q.question.text,
                            reference_label(q.question), c.option, std::to_string(c.count),
                            percent_number(c.share), std::to_string(q.answered),
                            std::to_string(q.asked)});
  return out;
}

}  // namespace uppsikt::report
