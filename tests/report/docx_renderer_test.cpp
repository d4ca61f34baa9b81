// The Word reports unpacked and read with pugixml, and converted to text by LibreOffice.
#include "report/docx_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "report/docx_reader.h"
#include "report/document_samples.h"
#include "report/read_back.h"
#include "support/temp_dir.h"

namespace uppsikt::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::first_out_of_order;

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str())) << xml.substr(0, 200);
  return doc;
}

// Questions, answers and comments of a unit report in the order a reader meets them.
std::vector<std::string> unit_report_text(const UnitReport& report) {
  std::vector<std::string> expected = {report.round_name, report.unit_name, "Status: Inlämnad"};
  for (const UnitSection& s : report.sections) {
    expected.push_back(s.heading.number + " " + s.heading.title);
    for (const UnitAnswer& a : s.answers) {
      expected.push_back(a.question.text);
      expected.push_back("Strategi " + a.question.reference_number);
      expected.push_back(a.question.reference_text);
      expected.push_back(a.choice.empty() ? "Ej besvarad" : a.choice);
      expected.push_back(a.comment);
    }
  }
  return expected;
}

std::vector<std::string> compiled_report_text(const CompiledReport& report) {
  std::vector<std::string> expected = {report.round_name, "Sammanfattning"};
  for (const CompiledSection& s : report.sections) {
    expected.push_back(s.heading.number + " " + s.heading.title);
    for (const CompiledQuestion& q : s.questions) {
      expected.push_back("Fråga " + std::to_string(q.question.number) + ": " + q.question.text);
      for (const OptionCount& c : q.counts) expected.push_back(c.option), expected.push_back(std::to_string(c.count));
      expected.push_back(std::to_string(q.answered) + " av " + std::to_string(q.asked));
      for (const UnitChoice& a : q.answers)
        if (a.choice != "Ja") expected.push_back(a.unit), expected.push_back(a.comment);
      for (const UnitChoice& a : q.answers)
        if (a.choice == "Ja") expected.push_back(a.unit), expected.push_back(a.comment);
      expected.push_back("Uppföljning 2023");
    }
  }
  expected.push_back("Enheter som inte har svarat");
  expected.push_back(report.units_not_answered.front());
  return expected;
}

TEST(DocxRendererTest, PackageHoldsEveryPartItsRelationshipsNameAndAllOfThemParse) {
  const auto parts = testing::unzip(render_docx(testing::sample_unit_report()));
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                           "word/styles.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"})
    ASSERT_TRUE(parts.count(name)) << name;
  for (const auto& [name, xml] : parts) parse(xml);

  const auto types = parse(parts.at("[Content_Types].xml"));
  for (pugi::xml_node o : types.child("Types").children("Override"))
    EXPECT_TRUE(parts.count(std::string(o.attribute("PartName").value()).substr(1))) << o.attribute("PartName").value();
  for (pugi::xml_node r : parse(parts.at("_rels/.rels")).child("Relationships").children("Relationship"))
    EXPECT_TRUE(parts.count(r.attribute("Target").value())) << r.attribute("Target").value();
  std::set<std::string> ids;
  for (pugi::xml_node r : parse(parts.at("word/_rels/document.xml.rels")).child("Relationships").children("Relationship")) {
    EXPECT_TRUE(parts.count(std::string("word/") + r.attribute("Target").value())) << r.attribute("Target").value();
    ids.insert(r.attribute("Id").value());
  }
  // Every r:id that document.xml uses is a relationship of it.
  const std::string document = parts.at("word/document.xml");
  const std::regex rid(R"re(r:id="([^"]+)")re");
  int used = 0;
  for (auto it = std::sregex_iterator(document.begin(), document.end(), rid); it != std::sregex_iterator(); ++it, ++used)
    EXPECT_TRUE(ids.count((*it)[1])) << (*it)[1];
  EXPECT_GT(used, 0);
}

TEST(DocxRendererTest, UnitReportHoldsEveryQuestionAndCommentInOrder) {
  const UnitReport report = testing::sample_unit_report();
  const auto parts = testing::unzip(render_docx(report));
  const std::string text = testing::word_text(parse(parts.at("word/document.xml")));
  EXPECT_EQ(first_out_of_order(text, unit_report_text(report)), std::nullopt) << text;
}

TEST(DocxRendererTest, CompiledReportHoldsCountsCommentsTrendsAndMissingUnitsInOrder) {
  const CompiledReport report = testing::sample_compiled_report();
  const auto parts = testing::unzip(render_docx(report));
  const std::string text = testing::word_text(parse(parts.at("word/document.xml")));
  EXPECT_EQ(first_out_of_order(text, compiled_report_text(report)), std::nullopt) << text;
}

TEST(DocxRendererTest, HostileTextIsPlainTextAndControlCharactersAreGone) {
  UnitReport report = testing::sample_unit_report();
  report.sections[1].answers[0].comment += std::string(" styr\x01tecken\x0B och \x1F slut");
  const auto parts = testing::unzip(render_docx(report));
  const std::string& xml = parts.at("word/document.xml");
  const std::string text = testing::word_text(parse(xml));
  for (const std::string& hostile : testing::kHostile) EXPECT_THAT(text, HasSubstr(hostile)) << hostile;
  EXPECT_THAT(text, HasSubstr("styrtecken och  slut"));
  EXPECT_THAT(xml, Not(HasSubstr("<script")));
  EXPECT_THAT(xml, Not(HasSubstr("<svg")));
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(DocxRendererTest, HeadingsUseWordsHeadingStylesAndTablesRepeatTheirHeader) {
  const auto parts = testing::unzip(render_docx(testing::sample_unit_report()));
  const auto document = parse(parts.at("word/document.xml"));
  std::vector<std::pair<std::string, std::string>> headings;
  for (pugi::xml_node p : document.child("w:document").child("w:body").children("w:p")) {
    const std::string style = p.child("w:pPr").child("w:pStyle").attribute("w:val").value();
    if (style.rfind("Heading", 0) == 0) headings.emplace_back(style, testing::word_text(p));
  }
  const std::vector<std::pair<std::string, std::string>> expected = {{"Heading1", "1 Trygghetsskapande program"},
                                                                     {"Heading2", "1.1 Målområde 1: Öka kunskapen"},
                                                                     {"Heading2", "1.2 Målområde 2: Öka samverkan"}};
  EXPECT_EQ(headings, expected);

  const auto styles = parse(parts.at("word/styles.xml"));
  for (int level = 1; level <= 3; ++level) {
    const std::string id = "Heading" + std::to_string(level);
    const pugi::xml_node style = styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id.c_str());
    ASSERT_TRUE(style) << id;
    EXPECT_EQ(style.child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int(), level - 1);
  }
  EXPECT_TRUE(styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", "Tabell"));
  const pugi::xml_node table = document.child("w:document").child("w:body").child("w:tbl");
  EXPECT_STREQ(table.child("w:tblPr").child("w:tblStyle").attribute("w:val").value(), "Tabell");
  EXPECT_TRUE(table.child("w:tr").child("w:trPr").child("w:tblHeader"));
}

TEST(DocxRendererTest, PropertiesCarryTheTitleAndSwedishAndTheFooterNumbersPages) {
  const auto parts = testing::unzip(render_docx(testing::sample_unit_report()));
  const auto core = parse(parts.at("docProps/core.xml"));
  EXPECT_STREQ(core.child("cp:coreProperties").child("dc:title").text().get(), "Uppföljning 2024 – Miljö- och klimatnämnden");
  EXPECT_STREQ(core.child("cp:coreProperties").child("dc:language").text().get(), "sv-SE");
  EXPECT_THAT(parts.at("word/styles.xml"), HasSubstr(R"(<w:lang w:val="sv-SE")"));
  EXPECT_THAT(parts.at("word/footer1.xml"), HasSubstr(R"(w:instr=" PAGE ")"));
}

// LibreOffice as the reader: it opens the documents and converts them to text. Slow (about
// 15 s for both on this machine), so both documents go in one conversion.
TEST(DocxInLibreOffice, ConvertsBothReportsToTextHoldingEverythingInOrder) {
  if (testing::run("command -v soffice").empty()) GTEST_SKIP() << "soffice (libreoffice-writer-nogui) is not installed";
  uppsikt::testing::TempDir dir;
  const UnitReport unit = testing::sample_unit_report();
  const CompiledReport compiled = testing::sample_compiled_report();
  testing::write_file(dir.file("unit.docx"), render_docx(unit));
  testing::write_file(dir.file("compiled.docx"), render_docx(compiled));
  const std::string profile = "file://" + dir.file("profile");
  testing::run("cd '" + dir.path().string() + "' && soffice -env:UserInstallation=" + profile +
               " --headless --convert-to txt:Text unit.docx compiled.docx 2>&1");
  const std::string unit_text = testing::read_file(dir.file("unit.txt"));
  const std::string compiled_text = testing::read_file(dir.file("compiled.txt"));
  ASSERT_FALSE(unit_text.empty()) << "LibreOffice did not convert unit.docx";
  EXPECT_EQ(first_out_of_order(unit_text, unit_report_text(unit)), std::nullopt) << unit_text;
  EXPECT_EQ(first_out_of_order(compiled_text, compiled_report_text(compiled)), std::nullopt) << compiled_text;
  for (const std::string& hostile : testing::kHostile) EXPECT_THAT(unit_text, HasSubstr(hostile)) << hostile;
}

}  // namespace
}  // namespace uppsikt::report
