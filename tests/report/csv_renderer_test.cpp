// The CSV read back by a CSV reader (quotes, ; and CRLF as RFC 4180 with semicolons): the same
// rows as the long form, formula-like cells neutralised, the BOM first.
#include "report/csv_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/csv.h"
#include "report/model.h"
#include "sample_reports.h"
#include "support/csv_reader.h"

namespace uppsikt::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::parse_csv;

std::vector<std::string> cells(const testing::OwnedRow& r) {
  return {r.round, r.document, r.section, r.reference, r.question, r.unit, r.answer, r.comment, r.handed_in};
}

void expect_rows(const std::string& text, const std::vector<testing::OwnedRow>& rows) {
  ASSERT_TRUE(text.starts_with(csv::bom));
  auto records = parse_csv(text.substr(csv::bom.size()));
  ASSERT_EQ(records.size(), rows.size() + 1);
  EXPECT_EQ(records[0], (std::vector<std::string>{"Omgång", "Styrdokument", "Avsnitt", "Referens", "Fråga", "Enhet",
                                                  "Svar", "Kommentar", "Inlämnad (UTC)"}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto expected = cells(rows[i]);
    for (auto& e : expected) e = csv::neutralise(e);
    EXPECT_EQ(records[i + 1], expected) << "row " << i;
  }
}

TEST(CsvRenderer, CompiledReportParsesBackToTheLongFormRows) {
  const auto report = testing::sample_compiled();
  const auto rows = testing::long_rows(report);
  ASSERT_EQ(rows.size(), 5u);  // three units answered question 1, two question 2
  EXPECT_EQ(rows[0].section, "1.1.1 Målområde 1: Öka kunskapen");
  EXPECT_EQ(rows[0].reference, "Strategi 1:1 Arbetet ska vara kunskapsbaserat");
  expect_rows(render_csv(report), rows);
}

TEST(CsvRenderer, UnitReportHasOneRowPerQuestionUnansweredIncluded) {
  const auto report = testing::sample_unit();
  const auto rows = testing::long_rows(report);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].answer, "");
  EXPECT_EQ(rows[0].unit, "Miljö- och klimatnämnden");
  expect_rows(render_csv(report), rows);
}

TEST(CsvRenderer, HostileCommentsAreNeutralisedAndQuoted) {
  const auto text = render_csv(testing::sample_compiled());
  EXPECT_THAT(text, Not(HasSubstr(";=HYPERLINK")));
  EXPECT_THAT(text, HasSubstr("\"'=HYPERLINK(\"\"http://ond.example\"\";\"\"klicka\"\")\""));
  EXPECT_THAT(text, HasSubstr("\r\n"));
}

TEST(CsvRenderer, CountsForOpenDataHaveNoCommentsAndSwedishDecimals) {
  const auto text = render_counts_csv(testing::sample_compiled());
  auto records = parse_csv(text.substr(csv::bom.size()));
  ASSERT_EQ(records.size(), 1u + 8u);  // two questions × four options
  EXPECT_EQ(records[1][6], "Ja");
  EXPECT_EQ(records[1][7], "1");
  EXPECT_EQ(records[1][8], "33,3");
  EXPECT_EQ(records[1][9], "3");
  EXPECT_EQ(records[1][10], "4");
  EXPECT_THAT(text, Not(HasSubstr("HYPERLINK")));
  EXPECT_THAT(text, Not(HasSubstr("onload")));
}

}  // namespace
}  // namespace uppsikt::report
