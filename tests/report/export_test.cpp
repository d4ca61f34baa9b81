// The dispatcher: every format code, content types and file names for download.
#include "report/export.h"

#include <gtest/gtest.h>

#include "report/report_error.h"
#include "sample_reports.h"

namespace uppsikt::report {
namespace {

TEST(Export, FormatCodesRoundTrip) {
  for (auto f : {Format::html, Format::pdf, Format::docx, Format::xlsx, Format::csv, Format::json})
    EXPECT_EQ(format_from_code(to_code(f)), f);
  EXPECT_FALSE(format_from_code("exe"));
  EXPECT_FALSE(format_from_code("CSV"));
}

TEST(Export, FileNamesAreAsciiSlugs) {
  EXPECT_EQ(file_slug("Uppföljning 2024"), "uppfoljning-2024");
  EXPECT_EQ(file_slug("Miljö- och klimatnämnden"), "miljo-och-klimatnamnden");
  EXPECT_EQ(file_slug("Östra Göteborg – SDF"), "ostra-goteborg-sdf");
  EXPECT_EQ(file_slug("\"/../"), "rapport");
  // Names from other languages keep their letters (ICU's transliteration, not a table).
  EXPECT_EQ(file_slug("Łódź Ærø Ürümqi"), "lodz-aero-urumqi");
  EXPECT_EQ(file_slug("Sámi giella – Ĉu?"), "sami-giella-cu");
}

TEST(Export, EachFormatHasItsContentTypeAndName) {
  const auto csv = export_report(testing::sample_compiled(), Format::csv);
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv.file_name, "uppfoljning-2024-sammanstallning.csv");
  const auto xlsx = export_report(testing::sample_unit(), Format::xlsx);
  EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.file_name, "uppfoljning-2024-miljo-och-klimatnamnden.xlsx");
  EXPECT_TRUE(xlsx.bytes.starts_with("PK"));
  EXPECT_TRUE(export_report(testing::sample_unit(), Format::html).bytes.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(export_report(testing::sample_unit(), Format::json).content_type, "application/json");
}

TEST(Export, PdfAndWordEitherRenderOrSayTheyAreNotAvailable) {
  for (auto f : {Format::pdf, Format::docx}) {
    try {
      const auto out = export_report(testing::sample_unit(), f);
      EXPECT_FALSE(out.bytes.empty());
    } catch (const ReportError& e) {
      EXPECT_STREQ(e.what(), "PDF/Word-export är inte tillgänglig ännu");
    }
  }
}

}  // namespace
}  // namespace uppsikt::report
