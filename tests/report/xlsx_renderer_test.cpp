// The workbook unpacked (libzip) and its sheets read (pugixml): the cells hold the long form
// and the counts, the header is frozen and filtered, and no cell is a formula.
#include "report/xlsx_renderer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <pugixml.hpp>

#include "report/model.h"
#include "sample_reports.h"

namespace uppsikt::report {
namespace {

// The files of a zip archive in memory, by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(archive, i, 0, &st);
    std::string content(st.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, i, 0);
    zip_fread(file, content.data(), st.size);
    zip_fclose(file);
    out[st.name] = std::move(content);
  }
  zip_close(archive);
  return out;
}

// One sheet's cells by reference ("A1"), strings looked up in the shared strings.
struct Sheet {
  std::map<std::string, std::string> cells;
  std::string xml;
};

Sheet read_sheet(const std::map<std::string, std::string>& files, const std::string& name) {
  std::vector<std::string> shared;
  pugi::xml_document strings;
  strings.load_string(files.at("xl/sharedStrings.xml").c_str());
  for (auto si : strings.child("sst").children("si")) {
    std::string text;
    for (auto t : si.select_nodes(".//t")) text += t.node().text().get();
    shared.push_back(text);
  }
  Sheet sheet{{}, files.at(name)};
  pugi::xml_document doc;
  doc.load_string(sheet.xml.c_str());
  for (auto row : doc.child("worksheet").child("sheetData").children("row"))
    for (auto c : row.children("c")) {
      std::string value = c.child("v").text().get();
      if (std::string(c.attribute("t").value()) == "s") value = shared.at(std::stoul(value));
      sheet.cells[c.attribute("r").value()] = value;
    }
  return sheet;
}

TEST(XlsxRenderer, CompiledWorkbookHoldsTheLongFormAndTheCounts) {
  const auto files = unzip(render_xlsx(testing::sample_compiled()));
  ASSERT_TRUE(files.contains("xl/workbook.xml"));
  EXPECT_NE(files.at("xl/workbook.xml").find("name=\"Svar\""), std::string::npos);
  EXPECT_NE(files.at("xl/workbook.xml").find("name=\"Antal\""), std::string::npos);

  const auto answers = read_sheet(files, "xl/worksheets/sheet1.xml");
  const auto rows = long_rows(testing::sample_compiled());
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
  EXPECT_NE(answers.xml.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(answers.xml.find("<autoFilter ref=\"A1:I6\""), std::string::npos);
  EXPECT_NE(answers.xml.find("<cols>"), std::string::npos);

  const auto counts = read_sheet(files, "xl/worksheets/sheet2.xml");
  EXPECT_EQ(counts.cells.at("F1"), "Svarsalternativ");
  EXPECT_EQ(counts.cells.at("F3"), "Nej");
  EXPECT_EQ(counts.cells.at("G3"), "1");
  EXPECT_EQ(counts.cells.at("I3"), "3");
  EXPECT_EQ(counts.cells.at("J3"), "4");
  EXPECT_NEAR(std::stod(counts.cells.at("H3")), 1.0 / 3, 1e-9);

  for (const auto& [name, content] : files) EXPECT_EQ(content.find("<f>"), std::string::npos) << name;
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
