// The compiled report as HTML: facts, summary table, units not answered, then per question
// the counts (table and bar chart), the units that said Nej or Delvis, every comment by unit
// and the trend over earlier rounds (table and chart).
#include <algorithm>

#include "core/swedish_time.h"
#include "report/html_renderer.h"
#include "report/html_text.h"
#include "report/report_text.h"
#include "report/svg_chart.h"

namespace uppsikt::report {
namespace {

std::string facts(const CompiledReport& r) {
  std::string out = "<dl class=\"uppsikt-report__facts\">\n";
  out += html::fact("Omgång", r.round_name);
  out += html::fact("Urval", r.scope);
  out += html::fact("Inlämnade svar", std::to_string(r.units_handed_in) + " av " + std::to_string(r.units_asked) + " enheter");
  out += html::fact("Kommentarer", r.with_comments ? "Med" : "Utelämnade");
  if (!r.registration_number.empty()) out += html::fact("Diarienummer", r.registration_number);
  if (!r.sender.empty()) out += html::fact("Avsändare", r.sender);
  if (!r.report_date.empty()) out += html::fact("Datum", r.report_date);
  out += html::fact("Skapad", swedish_time(r.generated_at));
  out += "</dl>\n";
  if (!r.units_listed) out += "<p class=\"uppsikt-report__note\">" + escape_html(kUnitsNotListed) + "</p>\n";
  return out;
}

// The options in order of first appearance over `summaries`, for the summary table's columns.
std::vector<std::string> summary_options(const std::vector<Summary>& summaries) {
  std::vector<std::string> options;
  for (const auto& s : summaries)
    for (const auto& c : s.counts)
      if (std::find(options.begin(), options.end(), c.option) == options.end()) options.push_back(c.option);
  return options;
}

std::string summary_table(const CompiledReport& r, int level) {
  std::string out = html::heading(level, "Sammanfattning");
  if (r.summaries.empty()) return out + "<p>Inga frågor i urvalet.</p>\n";
  const auto options = summary_options(r.summaries);
  out += "<table class=\"uppsikt-report__table\">\n<caption>Antal svar per styrdokument och område</caption>\n"
         "<thead><tr><th scope=\"col\">Styrdokument eller område</th><th scope=\"col\">Frågor</th>";
  for (const auto& o : options) out += "<th scope=\"col\">" + escape_html(o) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& s : r.summaries) {
    out += "<tr class=\"uppsikt-report__level" + std::to_string(std::min(s.heading.level, 4)) + "\"><th scope=\"row\">" +
           escape_html(heading_label(s.heading)) + "</th><td>" + std::to_string(s.questions) + "</td>";
    for (const auto& o : options) {
      auto it = std::find_if(s.counts.begin(), s.counts.end(), [&](const OptionCount& c) { return c.option == o; });
      out += "<td>" + (it == s.counts.end() ? std::string("–") : escape_html(count_and_share(*it))) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string not_answered(const CompiledReport& r, int level) {
  std::string out = html::heading(level, "Enheter som inte har lämnat in");
  if (r.units_not_answered.empty()) return out + "<p>Alla enheter i urvalet har lämnat in.</p>\n";
  out += "<ul class=\"uppsikt-report__units\">\n";
  for (const auto& u : r.units_not_answered) out += "<li>" + escape_html(u) + "</li>\n";
  return out + "</ul>\n";
}

std::string counts_table(const CompiledQuestion& q) {
  std::string out = "<table class=\"uppsikt-report__table uppsikt-report__counts\">\n<caption>Svar på fråga " +
                    std::to_string(q.question.number) + "</caption>\n<thead><tr><th scope=\"col\">Svarsalternativ</th>"
                    "<th scope=\"col\">Antal</th><th scope=\"col\">Andel</th></tr></thead>\n<tbody>\n";
  for (const auto& c : q.counts)
    out += "<tr><th scope=\"row\">" + escape_html(c.option) + "</th><td>" + std::to_string(c.count) + "</td><td>" +
           percent(c.share) + "</td></tr>\n";
  return out + "</tbody>\n</table>\n";
}

std::string counts_chart(const CompiledQuestion& q) {
  std::vector<svg::Bar> bars;
  for (const auto& c : q.counts) bars.push_back({c.option, c.share, count_and_share(c)});
  return svg::bar_chart("diagram-" + std::to_string(q.question.number),
                        "Diagram över svaren på fråga " + std::to_string(q.question.number) +
                            "; siffrorna står i tabellen ovan",
                        bars);
}

std::string no_or_partly(const CompiledQuestion& q, bool with_comments, int level) {
  std::string items;
  for (const auto& a : q.answers) {
    if (!needs_attention(a.choice)) continue;
    items += "<li><strong>" + escape_html(a.unit) + "</strong>: " + escape_html(a.choice);
    if (with_comments && !a.comment.empty()) items += "<div class=\"uppsikt-report__comment\">" + html::paragraphs(a.comment) + "</div>";
    items += "</li>\n";
  }
  if (items.empty()) return {};
  return html::heading(level, "Enheter som svarat Nej eller Delvis") + "<ul class=\"uppsikt-report__units\">\n" + items + "</ul>\n";
}

std::string comments_by_unit(const CompiledQuestion& q, int level) {
  std::string rows;
  for (const auto& a : q.answers)
    if (!a.comment.empty())
      rows += "<tr><th scope=\"row\">" + escape_html(a.unit) + "</th><td>" + escape_html(a.choice) + "</td><td>" +
              html::paragraphs(a.comment) + "</td></tr>\n";
  if (rows.empty()) return {};
  return html::heading(level, "Kommentarer per enhet") +
         "<table class=\"uppsikt-report__table uppsikt-report__comments\">\n<thead><tr><th scope=\"col\">Enhet</th>"
         "<th scope=\"col\">Svar</th><th scope=\"col\">Kommentar</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
}

std::string trend(const CompiledQuestion& q, const CompiledReport& r, int level) {
  if (q.trend.empty()) return {};
  std::vector<TrendPoint> points = q.trend;
  points.push_back({r.year, r.round_name, q.counts});
  std::vector<std::string> options;
  for (const auto& c : q.counts) options.push_back(c.option);

  std::string out = html::heading(level, "Utveckling över tid");
  out += "<table class=\"uppsikt-report__table\">\n<caption>Svar på fråga " + std::to_string(q.question.number) +
         " per omgång</caption>\n<thead><tr><th scope=\"col\">Omgång</th>";
  for (const auto& o : options) out += "<th scope=\"col\">" + escape_html(o) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  std::vector<svg::StackedRow> rows;
  for (const auto& p : points) {
    out += "<tr><th scope=\"row\">" + escape_html(p.round_name) + "</th>";
    svg::StackedRow row{p.year > 0 ? std::to_string(p.year) : p.round_name, {}};
    for (const auto& o : options) {
      auto it = std::find_if(p.counts.begin(), p.counts.end(), [&](const OptionCount& c) { return c.option == o; });
      out += "<td>" + (it == p.counts.end() ? std::string("–") : escape_html(count_and_share(*it))) + "</td>";
      row.shares.push_back(it == p.counts.end() ? 0 : it->share);
    }
    out += "</tr>\n";
    rows.push_back(std::move(row));
  }
  out += "</tbody>\n</table>\n";
  return out + svg::stacked_chart("trend-" + std::to_string(q.question.number),
                                  "Diagram över svaren på fråga " + std::to_string(q.question.number) +
                                      " per omgång; siffrorna står i tabellen ovan",
                                  options, rows);
}

// The coordinator's assessment of a part, under its heading; nothing when there is none.
std::string assessment(const CompiledReport& r, const std::string& text, int level) {
  if (text.empty()) return {};
  return "<div class=\"uppsikt-report__assessment\">\n" + html::heading(level, r.assessment_heading) +
         html::paragraphs(text) + "</div>\n";
}

std::string question_block(const CompiledQuestion& q, const CompiledReport& r, int level) {
  const auto& rq = q.question;
  std::string out = "<section class=\"uppsikt-report__item\" id=\"fraga-" + std::to_string(rq.number) + "\">\n";
  out += html::heading(level, "Fråga " + std::to_string(rq.number) + ": " + rq.text);
  if (!rq.audience.empty()) out += "<p class=\"uppsikt-report__audience\">Gäller: " + escape_html(rq.audience) + "</p>\n";
  if (const auto ref = reference_label(rq); !ref.empty())
    out += "<p class=\"uppsikt-report__reference\"><strong>" + escape_html(ref) + "</strong> " + escape_html(rq.reference_text) + "</p>\n";
  out += "<p>Besvarad av " + std::to_string(q.answered) + " av " + std::to_string(q.asked) + " tillfrågade enheter.</p>\n";
  out += counts_table(q) + counts_chart(q);
  out += assessment(r, q.assessment, level + 1);
  out += no_or_partly(q, r.with_comments, level + 1);
  if (r.with_comments) out += comments_by_unit(q, level + 1);
  out += trend(q, r, level + 1);
  return out + "</section>\n";
}

}  // namespace

std::string render_html(const CompiledReport& report, int top_level) {
  std::string out = "<div class=\"uppsikt-report uppsikt-report--compiled\">\n" + facts(report);
  if (!report.assessment.empty())
    out += "<section class=\"uppsikt-report__section\">\n" + assessment(report, report.assessment, top_level) + "</section>\n";
  out += "<section class=\"uppsikt-report__section\">\n" + summary_table(report, top_level) + "</section>\n";
  out += "<section class=\"uppsikt-report__section\">\n" + not_answered(report, top_level) + "</section>\n";
  for (const auto& s : report.sections) {
    const int level = top_level + s.heading.level - 1;
    out += "<section class=\"uppsikt-report__section\">\n" + html::heading(level, heading_label(s.heading));
    out += assessment(report, s.assessment, level + 1);
    for (const auto& q : s.questions) out += question_block(q, report, level + 1);
    out += "</section>\n";
  }
  return out + "</div>\n";
}

}  // namespace uppsikt::report
