// The HTML fragments and documents: the unit report's two-column table and title block, the
// compiled report's counts tables, charts, comments and trends, and hostile text as text.
#include "report/html_renderer.h"

#include <gtest/gtest.h>

#include "sample_reports.h"

namespace uppsikt::report {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void expect_no_live_markup(const std::string& html) {
  EXPECT_FALSE(has(html, "<script")) << "a <script> element";
  EXPECT_FALSE(has(html, "<svg onload")) << "an attribute injected into markup";
  EXPECT_FALSE(has(html, "\"><svg"));
  EXPECT_TRUE(has(html, "&lt;script&gt;") || has(html, "&quot;&gt;&lt;svg onload&#61;alert(1)&gt;"));
}

TEST(HtmlRenderer, UnitReportReadsLikeTheFollowUp) {
  const auto html = render_html(testing::sample_unit());
  EXPECT_TRUE(has(html, "<dt>Enhet</dt><dd>Miljö- och klimatnämnden</dd>"));
  EXPECT_TRUE(has(html, "<dt>Status</dt><dd>Inlämnad</dd>"));
  EXPECT_TRUE(has(html, "<dt>Inlämnad</dt><dd>2024-03-02 10.00</dd>"));
  EXPECT_TRUE(has(html, "<h2>1 Trygghetsskapande program 2022–2026</h2>"));
  EXPECT_TRUE(has(html, "<h3>1.1.1 Målområde 1: Öka kunskapen</h3>"));
  EXPECT_TRUE(has(html, "<th scope=\"col\">Uppföljningsfrågor</th><th scope=\"col\">Svarsalternativ med kommentar</th>"));
  EXPECT_TRUE(has(html, "<strong>Strategi 1:1</strong> Arbetet ska vara kunskapsbaserat"));
  EXPECT_TRUE(has(html, "Gäller: Berörda nämnder"));
  EXPECT_TRUE(has(html, "<em>Inte besvarad</em>"));
  EXPECT_TRUE(has(html, "&quot;&gt;&lt;svg onload&#61;alert(1)&gt;"));
  expect_no_live_markup(html);
}

TEST(HtmlRenderer, CompiledReportHasCountsChartsCommentsAndTrends) {
  const auto html = render_html(testing::sample_compiled());
  EXPECT_TRUE(has(html, "<caption>Svar på fråga 1</caption>"));
  EXPECT_TRUE(has(html, "<tr><th scope=\"row\">Nej</th><td>1</td><td>33\xC2\xA0%</td></tr>"));
  EXPECT_TRUE(has(html, "<svg class=\"uppsikt-chart\" role=\"img\""));
  EXPECT_TRUE(has(html, "url(#diagram-1-m1)"));  // Nej's bar has a pattern, not a colour only
  EXPECT_TRUE(has(html, ">1 (33\xC2\xA0%)</text>"));
  EXPECT_TRUE(has(html, "Enheter som svarat Nej eller Delvis"));
  EXPECT_TRUE(has(html, "<li><strong>Östra Göteborg</strong>: Nej"));
  EXPECT_TRUE(has(html, "Kommentarer per enhet"));
  EXPECT_TRUE(has(html, "<p>Första stycket.</p><p>Andra stycket; med &quot;citat&quot;.</p>"));
  EXPECT_TRUE(has(html, "Utveckling över tid"));
  EXPECT_TRUE(has(html, "<tr><th scope=\"row\">Uppföljning 2023</th><td>2 (67\xC2\xA0%)</td>"));
  EXPECT_TRUE(has(html, "<li>Västra Hisingen</li>"));
  EXPECT_TRUE(has(html, "Antal svar per styrdokument och område"));
  EXPECT_TRUE(has(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  expect_no_live_markup(html);
}

TEST(HtmlRenderer, TimesAreSwedishLocalTime) {
  auto compiled = testing::sample_compiled();
  compiled.generated_at = "2026-12-06T07:08:38Z";
  EXPECT_TRUE(has(render_html(compiled), "2026-12-06 08.08"));
  EXPECT_FALSE(has(render_html(compiled), "T07:08"));
  auto unit = testing::sample_unit();
  unit.handed_in_at = "2026-06-01T10:00:00Z";
  EXPECT_TRUE(has(render_html(unit), "2026-06-01 12.00")) << "summer time";
}

TEST(HtmlRenderer, CommentsLeftOutAreNotShown) {
  auto report = testing::sample_compiled();
  report.with_comments = false;
  for (auto& s : report.sections)
    for (auto& q : s.questions)
      for (auto& a : q.answers) a.comment.clear();
  const auto html = render_html(report);
  EXPECT_TRUE(has(html, "<dt>Kommentarer</dt><dd>Utelämnade</dd>"));
  EXPECT_FALSE(has(html, "Kommentarer per enhet"));
  EXPECT_TRUE(has(html, "<li><strong>Östra Göteborg</strong>: Nej</li>"));
}

TEST(HtmlRenderer, DocumentsStandAloneWithThePrintStyle) {
  const auto html = render_html_document(testing::sample_compiled());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
  EXPECT_TRUE(has(html, "<title>Sammanställning – Uppföljning 2024</title>"));
  EXPECT_TRUE(has(html, "@media print"));
  EXPECT_TRUE(has(html, "<h1>Sammanställning – Uppföljning 2024</h1>"));
  EXPECT_TRUE(has(html, "<h2>Sammanfattning</h2>"));
}

}  // namespace
}  // namespace uppsikt::report
