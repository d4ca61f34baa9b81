#pragma once
// make bench, issue 7's part: the compiled report of a round of `units` units × `questions`
// questions (five areas of one governing document, the same items followed up a year earlier
// for the trends, a comment on every Nej and Delvis answer), read from SQLite and rendered as
// HTML and as PDF. The aims for 300 × 50: HTML under 200 ms, PDF under 2 s.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/scale.h"
#include "report/html_renderer.h"
#include "report/pdf_renderer.h"
#include "service/report_data.h"
#include "store/store.h"

namespace uppsikt::bench {

struct ReportFigures {
  double build_ms = 0;  // service::compiled_report from the store, median
  double html_ms = 0;   // report::render_html_document, median
  double pdf_ms = 0;    // report::render_pdf, median
  std::size_t html_bytes = 0;
  std::size_t pdf_bytes = 0;
};

// One round with a handed-in response of every unit to every question.
inline Id fill_report_round(store::Tx& tx, const std::string& name, int year, const std::vector<Id>& units,
                            const std::vector<Id>& items, Id scale) {
  const Id round = tx.add_round(Round{.name = name, .year = year, .status = RoundStatus::closed});
  std::vector<Id> questions;
  for (std::size_t i = 0; i < items.size(); ++i)
    questions.push_back(tx.add_question(Question{.round_id = round, .node_id = items[i], .position = int(i) + 1,
                                                 .text = "Har nämnden genomfört insats " + std::to_string(i + 1) +
                                                         " under året?",
                                                 .scale_id = scale}));
  const auto& options = standard_options();
  std::vector<Answer> answers;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const Id response = tx.add_response(Response{.round_id = round, .unit_id = units[u],
                                                 .status = ResponseStatus::submitted,
                                                 .updated_at = std::to_string(year) + "-11-01T09:00:00Z"});
    for (std::size_t q = 0; q < questions.size(); ++q) {
      const std::string& choice = options[(u * 7 + q * 3 + year) % options.size()];
      const bool explained = choice == "Nej" || choice == "Delvis";
      answers.push_back(Answer{.response_id = response, .question_id = questions[q], .choice = choice,
                               .comment = explained ? "Arbetet har påbörjats men resurserna har inte räckt till "
                                                      "under året. Vi fortsätter nästa år tillsammans med "
                                                      "stadsdelarna och följer upp i december."
                                                    : "",
                               .changed_at = std::to_string(year) + "-11-01T09:00:00Z"});
    }
  }
  tx.add_answers(answers);
  return round;
}

// The rounds, in a new SQLite database in `dir`; returns the later round's id.
inline Id build_report_data(store::Store& store, int unit_count, int question_count) {
  auto tx = store.begin();
  const Id scale = tx->scale_by_name("Ja/Nej/Delvis/Ej aktuellt").value().id;  // comes with the schema
  const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
  std::vector<Id> units;
  for (int u = 0; u < unit_count; ++u)
    units.push_back(tx->add_unit(Unit{.parent_id = city, .name = "Nämnd " + std::to_string(u + 1)}));
  const Id doc = tx->add_document(Document{.title = "Program för trygghet 2022–2026", .position = 1});
  constexpr int kAreas = 5;
  std::vector<Id> areas;
  for (int a = 0; a < kAreas; ++a)
    areas.push_back(tx->add_node(Node{.document_id = doc, .number = "1." + std::to_string(a + 1),
                                      .title = "Målområde " + std::to_string(a + 1), .position = a + 1}));
  std::vector<Id> items;
  for (int q = 0; q < question_count; ++q) {
    const int area = q % kAreas;
    const std::string number = std::to_string(area + 1) + ":" + std::to_string(q / kAreas + 1);
    items.push_back(tx->add_node(Node{.document_id = doc, .parent_id = areas[area], .kind = NodeKind::item,
                                      .number = number, .title = "Insats " + number,
                                      .text = "Staden ska arbeta kunskapsbaserat och samordnat mot brott.",
                                      .expected_result = "Minskad brottslighet och ökad trygghet.",
                                      .position = q / kAreas + 1}));
  }
  fill_report_round(*tx, "Uppföljning 2023", 2023, units, items, scale);
  const Id round = fill_report_round(*tx, "Uppföljning 2024", 2024, units, items, scale);
  tx->commit();
  return round;
}

inline double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Milliseconds `work` takes, the median of `runs`.
inline double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  return median_of(times);
}

inline ReportFigures measure_compiled_report(const std::filesystem::path& dir, int unit_count, int question_count) {
  std::filesystem::remove(dir / "report-bench.db");
  auto store = store::open((dir / "report-bench.db").string());
  const Id round = build_report_data(*store, unit_count, question_count);
  ReportFigures out;
  auto report = service::compiled_report(*store, round, {});
  out.build_ms = median_ms(5, [&] { report = service::compiled_report(*store, round, {}); });
  out.html_ms = median_ms(5, [&] { out.html_bytes = report::render_html_document(*report).size(); });
  out.pdf_ms = median_ms(3, [&] { out.pdf_bytes = report::render_pdf(*report).size(); });
  return out;
}

}  // namespace uppsikt::bench
