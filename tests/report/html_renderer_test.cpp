// The HTML fragments and documents: the unit report's two-column table and title block, the
// compiled report's counts tables, charts, comments and trends, and hostile text as text.
#include "report/html_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_reports.h"

namespace uppsikt::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void expect_no_live_markup(const std::string& html) {
  EXPECT_THAT(html, Not(HasSubstr("<script"))) << "a <script> element";
  EXPECT_THAT(html, Not(HasSubstr("<svg onload"))) << "an attribute injected into markup";
  EXPECT_THAT(html, Not(HasSubstr("\"><svg")));
  EXPECT_TRUE(has(html, "&lt;script&gt;") || has(html, "&quot;&gt;&lt;svg onload&#61;alert(1)&gt;"));
}

TEST(HtmlRenderer, UnitReportReadsLikeTheFollowUp) {
  const auto html = render_html(testing::sample_unit());
  EXPECT_THAT(html, HasSubstr("<dt>Enhet</dt><dd>Miljö- och klimatnämnden</dd>"));
  EXPECT_THAT(html, HasSubstr("<dt>Status</dt><dd>Inlämnad</dd>"));
  EXPECT_THAT(html, HasSubstr("<dt>Inlämnad</dt><dd>2024-03-02 10.00</dd>"));
  EXPECT_THAT(html, HasSubstr("<h2>1 Trygghetsskapande program 2022–2026</h2>"));
  EXPECT_THAT(html, HasSubstr("<h3>1.1.1 Målområde 1: Öka kunskapen</h3>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">Uppföljningsfrågor</th><th scope=\"col\">Svarsalternativ med kommentar</th>"));
  EXPECT_THAT(html, HasSubstr("<strong>Strategi 1:1</strong> Arbetet ska vara kunskapsbaserat"));
  EXPECT_THAT(html, HasSubstr("Gäller: Berörda nämnder"));
  EXPECT_THAT(html, HasSubstr("<em>Inte besvarad</em>"));
  EXPECT_THAT(html, HasSubstr("&quot;&gt;&lt;svg onload&#61;alert(1)&gt;"));
  expect_no_live_markup(html);
}

TEST(HtmlRenderer, CompiledReportHasCountsChartsCommentsAndTrends) {
  const auto html = render_html(testing::sample_compiled());
  EXPECT_THAT(html, HasSubstr("<caption>Svar på fråga 1</caption>"));
  EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Nej</th><td>1</td><td>33\xC2\xA0%</td></tr>"));
  EXPECT_THAT(html, HasSubstr("<svg class=\"uppsikt-chart\" role=\"img\""));
  EXPECT_THAT(html, HasSubstr("url(#diagram-1-m1)"));  // Nej's bar has a pattern, not a colour only
  EXPECT_THAT(html, HasSubstr(">1 (33\xC2\xA0%)</text>"));
  EXPECT_THAT(html, HasSubstr("Enheter som svarat Nej eller Delvis"));
  EXPECT_THAT(html, HasSubstr("<li><strong>Östra Göteborg</strong>: Nej"));
  EXPECT_THAT(html, HasSubstr("Kommentarer per enhet"));
  EXPECT_THAT(html, HasSubstr("<p>Första stycket.</p><p>Andra stycket; med &quot;citat&quot;.</p>"));
  EXPECT_THAT(html, HasSubstr("Utveckling över tid"));
  EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Uppföljning 2023</th><td>2 (67\xC2\xA0%)</td>"));
  EXPECT_THAT(html, HasSubstr("<li>Västra Hisingen</li>"));
  EXPECT_THAT(html, HasSubstr("Antal svar per styrdokument och område"));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  expect_no_live_markup(html);
}

TEST(HtmlRenderer, TimesAreSwedishLocalTime) {
  auto compiled = testing::sample_compiled();
  compiled.generated_at = "2026-12-06T07:08:38Z";
  EXPECT_THAT(render_html(compiled), HasSubstr("2026-12-06 08.08"));
  EXPECT_THAT(render_html(compiled), Not(HasSubstr("T07:08")));
  auto unit = testing::sample_unit();
  unit.handed_in_at = "2026-06-01T10:00:00Z";
  EXPECT_THAT(render_html(unit), HasSubstr("2026-06-01 12.00")) << "summer time";
}

TEST(HtmlRenderer, CommentsLeftOutAreNotShown) {
  auto report = testing::sample_compiled();
  report.with_comments = false;
  for (auto& s : report.sections)
    for (auto& q : s.questions)
      for (auto& a : q.answers) a.comment.clear();
  const auto html = render_html(report);
  EXPECT_THAT(html, HasSubstr("<dt>Kommentarer</dt><dd>Utelämnade</dd>"));
  EXPECT_THAT(html, Not(HasSubstr("Kommentarer per enhet")));
  EXPECT_THAT(html, HasSubstr("<li><strong>Östra Göteborg</strong>: Nej</li>"));
}

TEST(HtmlRenderer, DocumentsStandAloneWithThePrintStyle) {
  const auto html = render_html_document(testing::sample_compiled());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
  EXPECT_THAT(html, HasSubstr("<title>Sammanställning – Uppföljning 2024</title>"));
  EXPECT_THAT(html, HasSubstr("@media print"));
  EXPECT_THAT(html, HasSubstr("<h1>Sammanställning – Uppföljning 2024</h1>"));
  EXPECT_THAT(html, HasSubstr("<h2>Sammanfattning</h2>"));
}

}  // namespace
}  // namespace uppsikt::report
