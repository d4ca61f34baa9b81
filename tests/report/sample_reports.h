#pragma once
// Reports built by hand for the renderer tests: two questions under a document and an area,
// Swedish letters, a comment over two paragraphs, and hostile text in comments and names.
#include "report/model.h"

namespace uppsikt::testing {

inline constexpr const char* kHostileMarkup = "\"><svg onload=alert(1)>";
inline constexpr const char* kHostileScript = "<script>alert('x')</script>";
inline constexpr const char* kHostileFormula = "=HYPERLINK(\"http://ond.example\";\"klicka\")";

inline report::ReportQuestion sample_question(int number, const char* text) {
  return {.id = number, .number = number, .text = text, .audience = number == 2 ? "Berörda nämnder" : "",
          .reference_kind = "Strategi", .reference_number = "1:" + std::to_string(number),
          .reference_text = "Arbetet ska vara kunskapsbaserat", .expected_result = "Färre brott",
          .options = {"Ja", "Nej", "Delvis", "Ej aktuellt"}};
}

inline report::CompiledReport sample_compiled() {
  report::CompiledReport r{.round_name = "Uppföljning 2024", .year = 2024, .generated_at = "2026-11-25T10:00:00Z",
                           .scope = "Hela organisationen", .units_asked = 4, .units_handed_in = 3};
  report::CompiledQuestion q1{.question = sample_question(1, "Är ert arbete kunskapsbaserat?"),
                              .counts = {{"Ja", 1, 1.0 / 3}, {"Nej", 1, 1.0 / 3}, {"Delvis", 1, 1.0 / 3}, {"Ej aktuellt", 0, 0}},
                              .answered = 3, .asked = 4};
  q1.answers = {{1, "Idrotts- och föreningsnämnden", "Delvis", kHostileMarkup, "2024-03-01T09:00:00Z"},
                {2, "Miljö- och klimatnämnden", "Ja", "Första stycket.\n\nAndra stycket; med \"citat\".", "2024-03-02T09:00:00Z"},
                {3, "Östra Göteborg", "Nej", kHostileFormula, "2024-03-03T09:00:00Z"}};
  q1.trend = {{2023, "Uppföljning 2023", {{"Ja", 2, 2.0 / 3}, {"Nej", 1, 1.0 / 3}, {"Delvis", 0, 0}, {"Ej aktuellt", 0, 0}}}};
  report::CompiledQuestion q2{.question = sample_question(2, "Har ni säkrat er kompetens?"),
                              .counts = {{"Ja", 2, 1}, {"Nej", 0, 0}, {"Delvis", 0, 0}, {"Ej aktuellt", 0, 0}},
                              .answered = 2, .asked = 3};
  q2.answers = {{2, "Miljö- och klimatnämnden", "Ja", kHostileScript, "2024-03-02T09:00:00Z"},
                {3, "Östra Göteborg", "Ja", "", "2024-03-03T09:00:00Z"}};
  const char* doc = "Trygghetsskapande program 2022–2026";
  r.sections = {{{"1", doc, 1}, doc, {}}, {{"1.1.1", "Målområde 1: Öka kunskapen", 2}, doc, {q1, q2}}};
  r.summaries = {{{"1", doc, 1}, 2, {{"Ja", 3, 0.6}, {"Nej", 1, 0.2}, {"Delvis", 1, 0.2}, {"Ej aktuellt", 0, 0}}},
                 {{"1.1.1", "Målområde 1: Öka kunskapen", 2}, 2, {{"Ja", 3, 0.6}, {"Nej", 1, 0.2}, {"Delvis", 1, 0.2}, {"Ej aktuellt", 0, 0}}}};
  r.units_not_answered = {"Västra Hisingen"};
  return r;
}

inline report::UnitReport sample_unit() {
  report::UnitReport r{.round_name = "Uppföljning 2024", .year = 2024, .unit_name = "Miljö- och klimatnämnden",
                       .parent_name = "Kommunstyrelsen", .status = "Inlämnad", .handed_in_at = "2024-03-02T09:00:00Z",
                       .generated_at = "2026-11-25T10:00:00Z"};
  const char* doc = "Trygghetsskapande program 2022–2026";
  r.sections = {{{"1", doc, 1}, doc, {}},
                {{"1.1.1", "Målområde 1: Öka kunskapen", 2}, doc,
                 {{sample_question(1, "Är ert arbete kunskapsbaserat?"), "Ja", kHostileMarkup},
                  {sample_question(2, "Har ni säkrat er kompetens?"), "Nej", kHostileFormula},
                  {sample_question(3, "Samverkar ni?"), "", ""}}}};
  return r;
}

// The long form's rows copied out of the report (for_each_long_row lends views), to compare
// with what a renderer wrote.
struct OwnedRow {
  std::string round, document, section, reference, question, unit, answer, comment, handed_in;
};

template <typename Report>
std::vector<OwnedRow> long_rows(const Report& report) {
  std::vector<OwnedRow> rows;
  report::for_each_long_row(report, [&rows](const report::LongRow& r) {
    rows.push_back({std::string(r.round), std::string(r.document), std::string(r.section),
                    std::string(r.reference), std::string(r.question), std::string(r.unit),
                    std::string(r.answer), std::string(r.comment), std::string(r.handed_in)});
  });
  return rows;
}

}  // namespace uppsikt::testing
