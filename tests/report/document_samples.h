#pragma once
// Reports built by hand for the PDF and DOCX tests: Swedish text, words longer than a
// column, hostile text in comments, and enough of it to run over several pages.
#include <string>
#include <vector>

#include "report/model.h"

namespace uppsikt::testing {

inline const std::string kLongWord = "Brottsförebyggandesamverkansöverenskommelseuppföljningsansvarigheten";
inline const std::vector<std::string> kHostile = {R"("><svg onload=alert(1)>)", "<script>alert('x')</script>",
                                                  R"(=HYPERLINK("x"))", "&amp; </w:t> ]]>"};

// A comment of many lines that ends in `marker`, too long for one page.
inline std::string very_long_comment(const std::string& marker) {
  std::string s;
  for (int i = 1; i <= 70; ++i) s += "Rad " + std::to_string(i) + " om trygghetsskapande arbete i förvaltningen.\n";
  return s + marker;
}

inline report::ReportQuestion sample_question(int number, const std::string& text) {
  return report::ReportQuestion{.id = number,
                                .number = number,
                                .text = text,
                                .audience = number % 2 ? "Samtliga nämnder och styrelser" : "",
                                .reference_kind = "Strategi",
                                .reference_number = "1:" + std::to_string(number),
                                .reference_title = "Öka kunskapen " + std::to_string(number),
                                .reference_text = "Göteborgs stads arbete ska vara kunskapsbaserat, strategi " +
                                                  std::to_string(number) + ".",
                                .expected_result = number % 3 ? "Ökad trygghet" : "",
                                .options = {"Ja", "Nej", "Delvis"}};
}

// Questions Q1..Qn in three sections; answer i's comment is "Kommentar i ..." and the
// comments hold the hostile strings, a long word and (answer 5) a comment longer than a page.
inline report::UnitReport sample_unit_report(int questions = 14) {
  report::UnitReport r{.round_name = "Uppföljning 2024",
                       .year = 2024,
                       .unit_name = "Miljö- och klimatnämnden",
                       .parent_name = "Göteborgs Stad",
                       .status = "Inlämnad",
                       .handed_in_at = "2024-03-01 14:02",
                       .generated_at = "2024-04-02 09:00"};
  const std::vector<report::Heading> headings = {{"1", "Trygghetsskapande program", 1},
                                                 {"1.1", "Målområde 1: Öka kunskapen", 2},
                                                 {"1.2", "Målområde 2: Öka samverkan", 2}};
  for (const auto& h : headings) r.sections.push_back({.heading = h, .document = "Trygghetsprogrammet"});
  for (int i = 1; i <= questions; ++i) {
    std::string comment = "Kommentar " + std::to_string(i) + " åäö ÅÄÖ " + kHostile[i % kHostile.size()];
    if (i == 2) comment += " " + kLongWord;
    if (i == 5) comment += "\n\n" + very_long_comment("SLUTMARKÖR");
    auto& section = r.sections[i <= questions / 2 ? 1 : 2];
    section.answers.push_back({.question = sample_question(i, "Fråga Q" + std::to_string(i) + " om arbetet?"),
                               .choice = i % 4 == 0 ? "" : i % 3 == 0 ? "Nej" : "Ja",
                               .comment = comment});
  }
  return r;
}

// Two sections of questions answered by five units; unit 5 has not answered.
inline report::CompiledReport sample_compiled_report(int units = 4, int questions = 3) {
  report::CompiledReport r{.round_name = "Uppföljning 2024",
                           .year = 2024,
                           .generated_at = "2024-04-02 09:00",
                           .scope = "Hela organisationen",
                           .units_asked = units + 1,
                           .units_handed_in = units};
  r.sections.push_back({.heading = {"1.1", "Målområde 1: Öka kunskapen", 2}, .document = "Trygghetsprogrammet"});
  r.sections.push_back({.heading = {"1.2", "Målområde 2: Öka samverkan", 2}, .document = "Trygghetsprogrammet"});
  const std::vector<std::string> choices = {"Ja", "Nej", "Delvis", "Ja"};
  for (int q = 1; q <= questions; ++q) {
    report::CompiledQuestion cq{.question = sample_question(q, "Fråga Q" + std::to_string(q) + " om arbetet?"),
                                .asked = units + 1};
    std::vector<int> counts(3, 0);
    for (int u = 1; u <= units; ++u) {
      const std::string choice = choices[(u + q) % choices.size()];
      counts[choice == "Ja" ? 0 : choice == "Nej" ? 1 : 2]++;
      std::string comment = "Kommentar Q" + std::to_string(q) + "E" + std::to_string(u) + " " + kHostile[u % kHostile.size()];
      if (u == 1) comment += " " + kLongWord;
      cq.answers.push_back({.unit_id = u, .unit = "Enhet " + std::to_string(u), .choice = choice, .comment = comment});
    }
    cq.answered = units;
    for (int o = 0; o < 3; ++o)
      cq.counts.push_back({cq.question.options[o], counts[o], units ? double(counts[o]) / units : 0});
    cq.trend.push_back({.year = 2023, .round_name = "Uppföljning 2023", .counts = {{"Ja", 1, 0.5}, {"Nej", 1, 0.5}}});
    r.sections[q <= questions / 2 ? 0 : 1].questions.push_back(cq);
  }
  r.summaries.push_back({.heading = {"1", "Trygghetsprogrammet", 1}, .questions = questions,
                         .counts = {{"Ja", 5, 0.5}, {"Nej", 3, 0.3}, {"Delvis", 2, 0.2}}});
  r.units_not_answered = {"Enhet " + std::to_string(units + 1) + " <b>utan</b> svar"};
  return r;
}

}  // namespace uppsikt::testing
