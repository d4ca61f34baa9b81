// The coordinator's assessment and the cover for the council in every format of the compiled
// report: the page's HTML, the PDF (read back by pdftotext), Word, Excel, CSV and JSON (against
// the schema), each text under the heading named for the sender, in the report's order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "core/csv.h"
#include "report/csv_renderer.h"
#include "report/docx_reader.h"
#include "report/docx_renderer.h"
#include "report/document_samples.h"
#include "report/html_renderer.h"
#include "report/json_renderer.h"
#include "report/model_json.h"
#include "report/pdf_renderer.h"
#include "report/read_back.h"
#include "report/xlsx_reader.h"
#include "report/xlsx_renderer.h"
#include "support/csv_reader.h"
#include "support/fixture.h"
#include "support/json_schema.h"
#include "support/temp_dir.h"

namespace uppsikt::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::first_out_of_order;

CompiledReport assessed() {
  auto r = testing::sample_compiled_report(2, 2);
  r.assessment_heading = "Stadsledningskontorets bedömning";
  r.assessment = "Helheten: arbetet går framåt.";
  r.sender = "Stadsledningskontoret";
  r.report_date = "2025-02-14";
  r.registration_number = "KS 2025/123";
  r.sections[1].assessment = "Området: samverkan behöver stärkas.";
  r.sections[1].questions[0].assessment = "Frågan: fler nämnder bör svara Ja.";
  return r;
}

// What a reader meets, in order: the cover, the whole round's assessment, then the area's and
// the question's, each under the heading.
const std::vector<std::string> kInOrder = {
    "KS 2025/123",          "Stadsledningskontoret", "2025-02-14", "Stadsledningskontorets bedömning",
    "Helheten: arbetet går framåt.", "Målområde 2", "Stadsledningskontorets bedömning",
    "Området: samverkan behöver stärkas.", "Stadsledningskontorets bedömning", "Frågan: fler nämnder bör svara Ja."};

TEST(Assessment, TheHtmlReportShowsTheCoverAndEachAssessmentInPlace) {
  const std::string html = render_html(assessed(), 2);
  EXPECT_EQ(first_out_of_order(html, kInOrder), std::nullopt) << html;
  EXPECT_THAT(html, HasSubstr("<dt>Diarienummer</dt>")) << html.substr(0, 800);
}

TEST(Assessment, ThePdfCarriesTheCoverOnItsFirstPageAndTheAssessments) {
  testing::TempDir dir;
  const std::string path = dir.file("report.pdf");
  testing::write_file(path, render_pdf(assessed()));
  const std::string first = testing::run("pdftotext -enc UTF-8 -f 1 -l 1 '" + path + "' -");
  EXPECT_THAT(first, HasSubstr("Diarienummer: KS 2025/123")) << first;
  EXPECT_THAT(first, HasSubstr("Avsändare: Stadsledningskontoret")) << first;
  EXPECT_THAT(first, HasSubstr("Datum: 2025-02-14")) << first;
  const std::string text = testing::run("pdftotext -enc UTF-8 '" + path + "' -");
  EXPECT_EQ(first_out_of_order(text, kInOrder), std::nullopt) << text;
}

TEST(Assessment, TheWordReportCarriesTheCoverAndTheAssessments) {
  const auto parts = testing::unzip(render_docx(assessed()));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(parts.at("word/document.xml").c_str()));
  const std::string text = testing::word_text(doc);
  EXPECT_THAT(text, HasSubstr("Diarienummer: KS 2025/123"));
  EXPECT_EQ(first_out_of_order(text, kInOrder), std::nullopt) << text;
}

TEST(Assessment, TheCsvHasARowPerAssessmentNamingTheOffice) {
  const auto report = assessed();
  const std::string text = render_csv(report);
  auto records = testing::parse_csv(text.substr(csv::bom.size()));
  std::vector<std::vector<std::string>> office;
  for (const auto& r : records)
    if (r.size() == 9 && r[5] == "Stadsledningskontorets bedömning") office.push_back(r);
  ASSERT_EQ(office.size(), 3u);
  EXPECT_EQ(office[0][7], "Helheten: arbetet går framåt.");
  EXPECT_EQ(office[1][2], "1.2 Målområde 2: Öka samverkan");
  EXPECT_EQ(office[1][7], "Området: samverkan behöver stärkas.");
  EXPECT_EQ(office[2][4], report.sections[1].questions[0].question.text);
  EXPECT_EQ(office[2][7], "Frågan: fler nämnder bör svara Ja.");
}

TEST(Assessment, TheExcelWorkbookHasTheCoverAndASheetOfAssessmentsInOrder) {
  const auto report = assessed();
  const auto files = testing::unzip(render_xlsx(report));
  EXPECT_THAT(files.at("xl/workbook.xml"), HasSubstr("name=\"Försättsblad\""));
  EXPECT_THAT(files.at("xl/workbook.xml"), HasSubstr("name=\"Bedömning\""));
  const auto cover = testing::read_sheet(files, "xl/worksheets/sheet3.xml");
  EXPECT_EQ(cover.cells.at("A2"), "Avsändare");
  EXPECT_EQ(cover.cells.at("B2"), "Stadsledningskontoret");
  EXPECT_EQ(cover.cells.at("B3"), "2025-02-14");
  EXPECT_EQ(cover.cells.at("A4"), "Diarienummer");
  EXPECT_EQ(cover.cells.at("B4"), "KS 2025/123");
  const auto sheet = testing::read_sheet(files, "xl/worksheets/sheet4.xml");
  EXPECT_EQ(sheet.cells.at("F1"), "Stadsledningskontorets bedömning");
  EXPECT_EQ(sheet.cells.at("A2"), "Hela omgången");
  EXPECT_EQ(sheet.cells.at("F2"), "Helheten: arbetet går framåt.");
  EXPECT_EQ(sheet.cells.at("C3"), "1.2 Målområde 2: Öka samverkan");
  EXPECT_EQ(sheet.cells.at("F3"), "Området: samverkan behöver stärkas.");
  EXPECT_EQ(sheet.cells.at("A4"), "Fråga");
  EXPECT_EQ(sheet.cells.at("E4"), report.sections[1].questions[0].question.text);
  EXPECT_EQ(sheet.cells.at("D4"), std::to_string(report.sections[1].questions[0].question.number));
  EXPECT_EQ(sheet.cells.at("F4"), "Frågan: fler nämnder bör svara Ja.");
  EXPECT_FALSE(sheet.cells.contains("A5"));
  EXPECT_THAT(sheet.xml, HasSubstr("<autoFilter ref=\"A1:F4\""));
}

TEST(Assessment, AWorkbookWithoutAssessmentsOrCoverHasNoSheetsForThem) {
  const auto files = testing::unzip(render_xlsx(testing::sample_compiled_report(2, 2)));
  EXPECT_THAT(files.at("xl/workbook.xml"), Not(HasSubstr("Bedömning")));
  EXPECT_FALSE(files.contains("xl/worksheets/sheet3.xml"));
}

TEST(Assessment, TheJsonHoldsThemAndValidatesAndAFrozenCopyKeepsThem) {
  const auto doc = nlohmann::json::parse(render_json(assessed()));
  testing::SchemaCheck schema(
      nlohmann::json::parse(testing::read_file(std::string(UPPSIKT_SOURCE_DIR) + "/docs/report.schema.json")));
  EXPECT_EQ(schema.problems(doc), std::vector<std::string>{});
  EXPECT_EQ(doc["assessment"]["heading"], "Stadsledningskontorets bedömning");
  EXPECT_EQ(doc["assessment"]["text"], "Helheten: arbetet går framåt.");
  EXPECT_EQ(doc["cover"]["registration_number"], "KS 2025/123");
  EXPECT_EQ(doc["sections"][1]["assessment"], "Området: samverkan behöver stärkas.");
  EXPECT_EQ(doc["sections"][1]["questions"][0]["assessment"], "Frågan: fler nämnder bör svara Ja.");
  // A publication's stored copy reads back with them.
  const auto stored = from_stored_json(to_stored_json(assessed()));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->assessment, "Helheten: arbetet går framåt.");
  EXPECT_EQ(stored->registration_number, "KS 2025/123");
  EXPECT_EQ(stored->sections[1].questions[0].assessment, "Frågan: fler nämnder bör svara Ja.");
}

}  // namespace
}  // namespace uppsikt::report
