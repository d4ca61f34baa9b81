// The workbook unpacked (libzip) and its sheets read (pugixml): the cells hold the long form
// and the counts, the header is frozen and filtered, and no cell is a formula.
#include "report/xlsx_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/model.h"
#include "sample_reports.h"
#include "xlsx_reader.h"

namespace uppsikt::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::read_sheet;
using testing::unzip;

TEST(XlsxRenderer, CompiledWorkbookHoldsTheLongFormAndTheCounts) {
  const auto files = unzip(render_xlsx(testing::sample_compiled()));
  ASSERT_TRUE(files.contains("xl/workbook.xml"));
  EXPECT_THAT(files.at("xl/workbook.xml"), HasSubstr("name=\"Svar\""));
  EXPECT_THAT(files.at("xl/workbook.xml"), HasSubstr("name=\"Antal\""));

  const auto answers = read_sheet(files, "xl/worksheets/sheet1.xml");
  const auto rows = testing::long_rows(testing::sample_compiled());
  EXPECT_EQ(answers.cells.at("A1"), "Omgång");
  EXPECT_EQ(answers.cells.at("H1"), "Kommentar");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto r = std::to_string(i + 2);
    EXPECT_EQ(answers.cells.at("B" + r), rows[i].document);
    EXPECT_EQ(answers.cells.at("F" + r), rows[i].unit);
    EXPECT_EQ(answers.cells.at("G" + r), rows[i].answer);
  }
  EXPECT_EQ(answers.cells.at("H2"), testing::kHostileMarkup);  // text, kept as written
  EXPECT_EQ(answers.cells.at("H4"), std::string("'") + testing::kHostileFormula);  // neutralised
  EXPECT_THAT(answers.xml, HasSubstr("state=\"frozen\""));
  EXPECT_THAT(answers.xml, HasSubstr("<autoFilter ref=\"A1:I6\""));
  EXPECT_THAT(answers.xml, HasSubstr("<cols>"));

  const auto counts = read_sheet(files, "xl/worksheets/sheet2.xml");
  EXPECT_EQ(counts.cells.at("F1"), "Svarsalternativ");
  EXPECT_EQ(counts.cells.at("F3"), "Nej");
  EXPECT_EQ(counts.cells.at("G3"), "1");
  EXPECT_EQ(counts.cells.at("I3"), "3");
  EXPECT_EQ(counts.cells.at("J3"), "4");
  EXPECT_NEAR(std::stod(counts.cells.at("H3")), 1.0 / 3, 1e-9);

  for (const auto& [name, content] : files) EXPECT_THAT(content, Not(HasSubstr("<f>"))) << name;
}

TEST(XlsxRenderer, UnitWorkbookHasOneRowPerQuestion) {
  const auto files = unzip(render_xlsx(testing::sample_unit()));
  const auto answers = read_sheet(files, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(answers.cells.at("E2"), "Är ert arbete kunskapsbaserat?");
  EXPECT_EQ(answers.cells.at("E4"), "Samverkar ni?");
  EXPECT_FALSE(answers.cells.contains("E5"));
  EXPECT_FALSE(files.contains("xl/worksheets/sheet2.xml"));
}

}  // namespace
}  // namespace uppsikt::report
