#include "report/json_renderer.h"

#include <nlohmann/json.hpp>

#include "report/labels.h"

namespace uppsikt::report {
namespace {

using nlohmann::json;

// Bumped when a key changes meaning or goes away; new keys do not bump it.
constexpr int kSchemaVersion = 1;

json question_json(const ReportQuestion& q) {
  return {{"id", q.id},
          {"number", q.number},
          {"text", q.text},
          {"audience", q.audience},
          {"reference", {{"kind", q.reference_kind},
                         {"number", q.reference_number},
                         {"title", q.reference_title},
                         {"text", q.reference_text},
                         {"expected_result", q.expected_result}}},
          {"options", q.options}};
}

json heading_json(const Heading& h) { return {{"number", h.number}, {"title", h.title}, {"level", h.level}}; }

json counts_json(const std::vector<OptionCount>& counts) {
  json out = json::array();
  for (const auto& c : counts) out.push_back({{"option", c.option}, {"count", c.count}, {"share", c.share}});
  return out;
}

template <typename Report>
json rows_json(const Report& report) {
  json out = json::array();
  for_each_long_row(report, [&out](const LongRow& r) {
    out.push_back({{"round", r.round}, {"document", r.document}, {"section", r.section},
                   {"reference", r.reference}, {"question", r.question}, {"unit", r.unit},
                   {"answer", r.answer}, {"comment", r.comment}, {"handed_in", r.handed_in}});
  });
  return out;
}

json compiled_question_json(const CompiledQuestion& q) {
  json out = question_json(q.question);
  out["counts"] = counts_json(q.counts);
  out["answered"] = q.answered;
  out["asked"] = q.asked;
  out["answers"] = json::array();
  for (const auto& a : q.answers)
    out["answers"].push_back({{"unit", a.unit}, {"choice", a.choice}, {"comment", a.comment},
                              {"handed_in_at", a.handed_in_at}});
  out["assessment"] = q.assessment;
  out["trend"] = json::array();
  for (const auto& t : q.trend)
    out["trend"].push_back({{"year", t.year}, {"round", t.round_name}, {"counts", counts_json(t.counts)}});
  return out;
}

// Ill-formed UTF-8 in stored text becomes U+FFFD instead of failing the whole export.
std::string dump(const json& doc) { return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace

std::string render_json(const CompiledReport& report) {
  json sections = json::array();
  for (const auto& s : report.sections) {
    json questions = json::array();
    for (const auto& q : s.questions) questions.push_back(compiled_question_json(q));
    sections.push_back({{"heading", heading_json(s.heading)}, {"document", s.document}, {"questions", questions},
                        {"assessment", s.assessment}});
  }
  json summaries = json::array();
  for (const auto& s : report.summaries)
    summaries.push_back({{"heading", heading_json(s.heading)}, {"questions", s.questions},
                         {"counts", counts_json(s.counts)}});
  return dump({{"kind", "compiled"},
               {"schema_version", kSchemaVersion},
               {"round", {{"name", report.round_name}, {"year", report.year}}},
               {"generated_at", report.generated_at},
               {"scope", report.scope},
               {"with_comments", report.with_comments},
               {"units_asked", report.units_asked},
               {"units_handed_in", report.units_handed_in},
               {"sections", sections},
               {"summaries", summaries},
               {"units_not_answered", report.units_not_answered},
               {"assessment", {{"heading", report.assessment_heading}, {"text", report.assessment}}},
               {"cover", {{"sender", report.sender}, {"date", report.report_date},
                          {"registration_number", report.registration_number}}},
               {"rows", rows_json(report)}});
}

std::string render_json(const UnitReport& report) {
  json sections = json::array();
  for (const auto& s : report.sections) {
    json answers = json::array();
    for (const auto& a : s.answers) {
      json q = question_json(a.question);
      q["choice"] = a.choice;
      q["comment"] = a.comment;
      answers.push_back(std::move(q));
    }
    sections.push_back({{"heading", heading_json(s.heading)}, {"document", s.document}, {"questions", answers}});
  }
  return dump({{"kind", "unit"},
               {"schema_version", kSchemaVersion},
               {"round", {{"name", report.round_name}, {"year", report.year}}},
               {"generated_at", report.generated_at},
               {"unit", {{"name", report.unit_name}, {"parent", report.parent_name},
                         {"status", report.status}, {"handed_in_at", report.handed_in_at}}},
               {"sections", sections},
               {"rows", rows_json(report)}});
}

std::string render_counts_json(const CompiledReport& report) {
  json questions = json::array();
  for (const auto& s : report.sections)
    for (const auto& q : s.questions)
      questions.push_back({{"number", q.question.number},
                           {"text", q.question.text},
                           {"document", s.document},
                           {"section", heading_label(s.heading)},
                           {"reference", reference_label(q.question)},
                           {"answered", q.answered},
                           {"asked", q.asked},
                           {"counts", counts_json(q.counts)}});
  return dump({{"kind", "open_data"},
               {"schema_version", kSchemaVersion},
               {"round", {{"name", report.round_name}, {"year", report.year}}},
               {"generated_at", report.generated_at},
               {"units_asked", report.units_asked},
               {"units_handed_in", report.units_handed_in},
               {"questions", questions}});
}

}  // namespace uppsikt::report
