// The unit report as HTML: the title block, then the follow-up's numbered headings and under
// each the questions as the original two-column table (question and reference | answer and
// comment).
#include "core/swedish_time.h"
#include "report/html_renderer.h"
#include "report/html_text.h"
#include "report/labels.h"

namespace uppsikt::report {
namespace {

std::string title_block(const UnitReport& r) {
  std::string out = "<dl class=\"uppsikt-report__facts\">\n";
  out += html::fact("Enhet", r.unit_name);
  out += html::fact("Nämnd eller styrelse", r.parent_name);
  out += html::fact("Omgång", r.round_name);
  out += html::fact("Status", r.status);
  out += html::fact("Inlämnad", r.handed_in_at.empty() ? "Inte inlämnad" : swedish_time(r.handed_in_at));
  out += html::fact("Utskriven", swedish_time(r.generated_at));
  return out + "</dl>\n";
}

std::string question_cell(const ReportQuestion& q) {
  std::string out = "<p class=\"uppsikt-report__question\">" + escape_html(q.text) + "</p>";
  if (!q.audience.empty()) out += "<p class=\"uppsikt-report__audience\">Gäller: " + escape_html(q.audience) + "</p>";
  if (const auto ref = reference_label(q); !ref.empty() || !q.reference_text.empty())
    out += "<p class=\"uppsikt-report__reference\"><strong>" + escape_html(ref) + "</strong> " +
           escape_html(q.reference_text) + "</p>";
  if (!q.expected_result.empty())
    out += "<p class=\"uppsikt-report__expected\"><strong>Förväntat resultat:</strong> " +
           escape_html(q.expected_result) + "</p>";
  return out;
}

std::string answer_cell(const UnitAnswer& a) {
  std::string out = "<p class=\"uppsikt-report__choice\">";
  out += a.choice.empty() ? "<em>Inte besvarad</em>" : "<strong>" + escape_html(a.choice) + "</strong>";
  out += "</p>";
  if (!a.comment.empty()) out += "<div class=\"uppsikt-report__comment\">" + html::paragraphs(a.comment) + "</div>";
  return out;
}

std::string answers_table(const std::vector<UnitAnswer>& answers) {
  std::string out =
      "<table class=\"uppsikt-report__qa\">\n<thead><tr><th scope=\"col\">Uppföljningsfrågor</th>"
      "<th scope=\"col\">Svarsalternativ med kommentar</th></tr></thead>\n<tbody>\n";
  for (const auto& a : answers) out += "<tr><td>" + question_cell(a.question) + "</td><td>" + answer_cell(a) + "</td></tr>\n";
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string render_html(const UnitReport& report, int top_level) {
  std::string out = "<div class=\"uppsikt-report uppsikt-report--unit\">\n" + title_block(report);
  for (const auto& s : report.sections) {
    out += "<section class=\"uppsikt-report__section\">\n";
    out += html::heading(top_level + s.heading.level - 1, heading_label(s.heading));
    if (!s.answers.empty()) out += answers_table(s.answers);
    out += "</section>\n";
  }
  return out + "</div>\n";
}

}  // namespace uppsikt::report
