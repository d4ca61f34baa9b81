// The compiled report of a round as PDF: summaries, then per question the counts, a bar
// chart, the units that answered Nej or Delvis and the other comments, and the trend over
// earlier rounds; last the units that have not answered.
#include <algorithm>

#include "report/pdf_chart.h"
#include "report/pdf_document.h"
#include "report/pdf_renderer.h"
#include "report/report_text.h"

namespace uppsikt::report {
namespace {

using pdf::Cell;
using pdf::Style;

const Style kBold{.bold = true};
const Style kNote{.size = 9, .italic = true, .gray = 0.25};
constexpr std::size_t kMostOptionColumns = 6;

std::string title_of(const CompiledReport& r) { return "Sammanställning – " + r.round_name; }

Cell text(const std::string& s, const Style& style = {}) { return Cell{{s, style}}; }

void title_page(pdf::Document& doc, const CompiledReport& r) {
  doc.space(120);
  doc.paragraph("Sammanställning", {.size = 16, .gray = 0.3});
  doc.paragraph(r.round_name, {.size = 26, .bold = true});
  doc.space(20);
  doc.paragraph(r.scope, {.size = 12});
  doc.paragraph("Enheter som lämnat in: " + std::to_string(r.units_handed_in) + " av " + std::to_string(r.units_asked),
                {.size = 12});
  if (!r.with_comments) doc.paragraph("Kommentarerna är utelämnade.", {.size = 12});
  doc.paragraph("Utskriven: " + r.generated_at, {.size = 10, .gray = 0.3});
  doc.new_page();
}

// The options of all summaries, in the order they first appear.
std::vector<std::string> options_of(const std::vector<Summary>& summaries) {
  std::vector<std::string> options;
  for (const Summary& s : summaries)
    for (const OptionCount& c : s.counts)
      if (std::find(options.begin(), options.end(), c.option) == options.end()) options.push_back(c.option);
  return options;
}

void summaries(pdf::Document& doc, const CompiledReport& r) {
  if (r.summaries.empty()) return;
  doc.heading(1, "Sammanfattning");
  const std::vector<std::string> options = options_of(r.summaries);
  const bool columns = options.size() <= kMostOptionColumns;
  pdf::Table table{.widths = {3, 1}, .header = {text("Dokument eller område", kBold), text("Frågor", kBold)}};
  if (columns) {
    for (const std::string& o : options) table.widths.push_back(1.3), table.header.push_back(text(o, kBold));
  } else {
    table.widths.push_back(4), table.header.push_back(text("Svar", kBold));
  }
  for (const Summary& s : r.summaries) {
    std::vector<Cell> row{text(heading_line(s.heading), {.bold = s.heading.level <= 1}),
                          text(std::to_string(s.questions))};
    std::string all;
    for (const std::string& o : options) {
      auto c = std::find_if(s.counts.begin(), s.counts.end(), [&](const OptionCount& c) { return c.option == o; });
      if (columns) row.push_back(text(c == s.counts.end() ? "–" : count_and_share(*c)));
      else if (c != s.counts.end()) all += (all.empty() ? "" : ", ") + o + " " + count_and_share(*c);
    }
    if (!columns) row.push_back(text(all));
    table.rows.push_back(std::move(row));
  }
  doc.table(table);
}

void counts_table(pdf::Document& doc, const CompiledQuestion& q) {
  pdf::Table table{.widths = {3, 1, 1},
                   .header = {text("Svarsalternativ", kBold), text("Antal", kBold), text("Andel", kBold)}};
  for (const OptionCount& c : q.counts) table.rows.push_back({text(c.option), text(std::to_string(c.count)), text(percent(c.share))});
  table.rows.push_back({text("Besvarade", kBold), text(std::to_string(q.answered) + " av " + std::to_string(q.asked), kBold),
                        text("")});
  doc.table(table);
}

// The answers that pass `keep`, as a table of unit, answer and comment.
template <typename Keep>
void answers_table(pdf::Document& doc, const CompiledReport& r, const CompiledQuestion& q, const std::string& title,
                   Keep keep) {
  pdf::Table table{.widths = {2, 1}, .header = {text("Enhet", kBold), text("Svar", kBold)}};
  if (r.with_comments) table.widths.push_back(4), table.header.push_back(text("Kommentar", kBold));
  for (const UnitChoice& a : q.answers) {
    if (!keep(a)) continue;
    std::vector<Cell> row{text(a.unit), text(a.choice)};
    if (r.with_comments) row.push_back(text(a.comment));
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) return;
  doc.paragraph(title, {.size = 10, .bold = true});
  doc.table(table);
}

void trend_table(pdf::Document& doc, const CompiledReport& r, const CompiledQuestion& q) {
  if (q.trend.empty()) return;
  doc.paragraph("Jämfört med tidigare omgångar", {.size = 10, .bold = true});
  pdf::Table table{.widths = {1, 2}, .header = {text("År", kBold), text("Omgång", kBold)}};
  for (const OptionCount& c : q.counts) table.widths.push_back(1.2), table.header.push_back(text(c.option, kBold));
  auto add = [&](int year, const std::string& round, const std::vector<OptionCount>& counts) {
    std::vector<Cell> row{text(std::to_string(year)), text(round)};
    for (const OptionCount& c : q.counts) {
      auto found = std::find_if(counts.begin(), counts.end(), [&](const OptionCount& o) { return o.option == c.option; });
      row.push_back(text(found == counts.end() ? "–" : count_and_share(*found)));
    }
    table.rows.push_back(std::move(row));
  };
  for (const TrendPoint& t : q.trend) add(t.year, t.round_name, t.counts);
  add(r.year, r.round_name, q.counts);
  doc.table(table);
}

void question(pdf::Document& doc, const CompiledReport& r, const CompiledQuestion& q, int level) {
  doc.heading(level, "Fråga " + std::to_string(q.question.number) + ": " + q.question.text);
  if (!q.question.audience.empty()) doc.paragraph(q.question.audience, kNote);
  const std::string reference = reference_line(q.question);
  if (!reference.empty()) doc.paragraph(reference, {.size = 9, .bold = true});
  if (!q.question.reference_text.empty() && q.question.reference_text != q.question.reference_title)
    doc.paragraph(q.question.reference_text, {.size = 9});
  if (!q.question.expected_result.empty()) doc.paragraph("Förväntat resultat: " + q.question.expected_result, {.size = 9});
  counts_table(doc, q);
  if (q.answered > 0) pdf::bar_chart(doc, q.counts);
  answers_table(doc, r, q, "Enheter som svarat Nej eller Delvis",
                [](const UnitChoice& a) { return needs_attention(a.choice); });
  if (r.with_comments)
    answers_table(doc, r, q, "Kommentarer från övriga enheter",
                  [](const UnitChoice& a) { return !needs_attention(a.choice) && !a.comment.empty(); });
  trend_table(doc, r, q);
}

void not_answered(pdf::Document& doc, const CompiledReport& r) {
  doc.heading(1, "Enheter som inte har svarat");
  if (r.units_not_answered.empty()) {
    doc.paragraph("Alla enheter har svarat.");
    return;
  }
  for (const std::string& unit : r.units_not_answered) doc.paragraph("• " + unit, {.size = 10});
}

}  // namespace

std::string render_pdf(const CompiledReport& report) {
  pdf::Document doc(title_of(report), title_of(report));
  title_page(doc, report);
  summaries(doc, report);
  for (const CompiledSection& s : report.sections) {
    const int level = std::clamp(s.heading.level, 1, 3);
    doc.heading(level, heading_line(s.heading));
    for (const CompiledQuestion& q : s.questions) question(doc, report, q, std::min(level + 1, 3));
  }
  not_answered(doc, report);
  return doc.finish();
}

}  // namespace uppsikt::report
