// The PDF reports read back by poppler (pdftotext, pdfinfo, pdffonts and poppler-cpp).
#include "report/pdf_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-toc.h>

#include <memory>
#include <regex>

#include "report/document_samples.h"
#include "report/read_back.h"
#include "report/report_text.h"
#include "support/temp_dir.h"

namespace uppsikt::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::first_out_of_order;
using testing::run;
using testing::squeeze;

class PdfRendererTest : public ::testing::Test {
 protected:
  std::string save(const std::string& pdf) {
    const std::string path = dir_.file("report.pdf");
    testing::write_file(path, pdf);
    return path;
  }
  std::string text_of(const std::string& path, int page = 0) {
    const std::string pages = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return run("pdftotext -enc UTF-8" + pages + " '" + path + "' -");
  }
  std::string title(const std::string& path) {
    std::smatch m;
    const std::string info = run("pdfinfo '" + path + "'");
    return std::regex_search(info, m, std::regex(R"(Title:\s+([^\n]*))")) ? m[1].str() : "";
  }
  int page_count(const std::string& path) {
    std::smatch m;
    const std::string info = run("pdfinfo '" + path + "'");
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
  }
  testing::TempDir dir_;
};

TEST_F(PdfRendererTest, UnitReportHoldsEveryHeadingQuestionAndCommentInOrder) {
  const UnitReport report = testing::sample_unit_report();
  const std::string text = text_of(save(render_pdf(report)));
  std::vector<std::string> expected = {report.round_name, report.unit_name, "Inlämnad: 2024-03-01 14:02"};
  for (const UnitSection& s : report.sections) {
    expected.push_back(s.heading.number + " " + s.heading.title);
    for (const UnitAnswer& a : s.answers) {
      // pdftotext reads a row's two cells block by block: question, answer, comment, reference.
      expected.push_back(a.question.text);
      expected.push_back(a.choice.empty() ? "Ej besvarad" : a.choice);
      expected.push_back(a.comment.substr(0, a.comment.find('\n')));
    }
  }
  EXPECT_EQ(first_out_of_order(text, expected), std::nullopt) << text;
  for (const UnitSection& s : report.sections)
    for (const UnitAnswer& a : s.answers) {
      EXPECT_THAT(squeeze(text), HasSubstr(squeeze("Strategi 1:" + std::to_string(a.question.number) + " Öka kunskapen")));
      EXPECT_THAT(squeeze(text), HasSubstr(squeeze(a.question.reference_text)));
    }
}

TEST_F(PdfRendererTest, HostileTextAndLongWordsComeOutAsPlainText) {
  const std::string text = squeeze(text_of(save(render_pdf(testing::sample_unit_report()))));
  for (const std::string& hostile : testing::kHostile) EXPECT_THAT(text, HasSubstr(squeeze(hostile))) << hostile;
  EXPECT_THAT(text, HasSubstr(testing::kLongWord));
}

TEST_F(PdfRendererTest, LongWordsStayInsideThePage) {
  const std::string path = save(render_pdf(testing::sample_unit_report()));
  const std::string boxes = run("pdftotext -bbox '" + path + "' -");
  const std::regex x_max(R"re(xMax="([0-9.]+)")re");
  int words = 0;
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), x_max); it != std::sregex_iterator(); ++it, ++words)
    EXPECT_LE(std::stod((*it)[1]), 595.28 - 56.7 + 1) << "a word runs into the right margin";
  EXPECT_GT(words, 100);
}

TEST_F(PdfRendererTest, PdfInfoShowsTheTitleAndSeveralPagesAndTheLanguageIsSwedish) {
  const std::string pdf = render_pdf(testing::sample_unit_report());
  const std::string path = save(pdf);
  // The language is set by an update appended to the file; poppler reads it without complaint.
  EXPECT_THAT(pdf, HasSubstr("/Lang (sv-SE)"));
  EXPECT_EQ(run("pdfinfo '" + path + "' 2>&1 >/dev/null"), "");
  EXPECT_EQ(title(path), "Uppföljning 2024 – Miljö- och klimatnämnden");
  EXPECT_GT(page_count(path), 2);
}

TEST_F(PdfRendererTest, EveryFontIsEmbedded) {
  const std::string fonts = run("pdffonts '" + save(render_pdf(testing::sample_unit_report())) + "'");
  const std::vector<std::string_view> lines = [&] {
    std::vector<std::string_view> v;
    std::string_view s = fonts;
    for (std::size_t nl; (nl = s.find('\n')) != std::string_view::npos; s.remove_prefix(nl + 1)) v.push_back(s.substr(0, nl));
    return v;
  }();
  ASSERT_GT(lines.size(), 2u) << fonts;
  for (std::size_t i = 2; i < lines.size(); ++i) EXPECT_THAT(lines[i], HasSubstr(" yes ")) << lines[i];
  EXPECT_THAT(fonts, HasSubstr("DejaVuSans")) << fonts;
}

TEST_F(PdfRendererTest, PagesAreNumberedAndCarryTheRunningTitle) {
  const std::string path = save(render_pdf(testing::sample_unit_report()));
  const int pages = page_count(path);
  const std::string second = text_of(path, 2);
  EXPECT_THAT(second, HasSubstr("Sida 2 av " + std::to_string(pages))) << second;
  EXPECT_THAT(second, HasSubstr("Uppföljning 2024 – Miljö- och klimatnämnden")) << second;
}

TEST_F(PdfRendererTest, ATableRunningOntoTheNextPageRepeatsItsHeader) {
  const std::string path = save(render_pdf(testing::sample_unit_report()));
  // Answer 5's comment is longer than a page: it starts on one page and ends on another.
  int first_page = 0, marker_page = 0;
  for (int p = 1; p <= page_count(path); ++p) {
    const std::string text = text_of(path, p);
    if (!first_page && text.find("Rad 1 om") != std::string::npos) first_page = p;
    if (!marker_page && text.find("SLUTMARKÖR") != std::string::npos) marker_page = p;
  }
  ASSERT_GT(first_page, 1);
  ASSERT_GT(marker_page, first_page);
  for (int p = first_page; p <= marker_page; ++p) {
    const std::string page = text_of(path, p);
    EXPECT_THAT(page, HasSubstr("Uppföljningsfrågor")) << "page " << p << ":\n" << page;
    EXPECT_THAT(page, HasSubstr("Svarsalternativ med kommentar")) << "page " << p << ":\n" << page;
  }
}

TEST_F(PdfRendererTest, HeadingsAreBookmarksInTheirHierarchy) {
  const std::string pdf = render_pdf(testing::sample_unit_report());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  ASSERT_TRUE(doc);
  std::unique_ptr<poppler::toc> toc(doc->create_toc());
  ASSERT_TRUE(toc);
  const auto top = toc->root()->children();
  ASSERT_EQ(top.size(), 1u);
  const auto title = top[0]->title().to_utf8();
  EXPECT_EQ(std::string(title.begin(), title.end()), "1 Trygghetsskapande program");
  ASSERT_EQ(top[0]->children().size(), 2u);
  const auto area = top[0]->children()[1]->title().to_utf8();
  EXPECT_EQ(std::string(area.begin(), area.end()), "1.2 Målområde 2: Öka samverkan");
}

TEST_F(PdfRendererTest, CompiledReportHoldsCountsCommentsTrendsAndMissingUnitsInOrder) {
  const CompiledReport report = testing::sample_compiled_report();
  const std::string path = save(render_pdf(report));
  const std::string text = text_of(path);
  std::vector<std::string> expected = {"Sammanställning", report.round_name, "Enheter som lämnat in: 4 av 5",
                                       "Sammanfattning", "1 Trygghetsprogrammet", "5 (50 %)"};
  for (const CompiledSection& s : report.sections) {
    expected.push_back(s.heading.number + " " + s.heading.title);
    for (const CompiledQuestion& q : s.questions) {
      expected.push_back("Fråga " + std::to_string(q.question.number) + ": " + q.question.text);
      for (const OptionCount& c : q.counts) expected.push_back(c.option), expected.push_back(std::to_string(c.count));
      expected.push_back("4 av 5");
      for (const OptionCount& c : q.counts) expected.push_back(count_and_share(c));
      expected.push_back("Enheter som svarat Nej eller Delvis");
      for (const UnitChoice& a : q.answers)
        if (a.choice == "Nej" || a.choice == "Delvis") expected.push_back(a.comment);
      expected.push_back("Kommentarer från övriga enheter");
      for (const UnitChoice& a : q.answers)
        if (a.choice == "Ja") expected.push_back(a.comment);
      expected.push_back("Uppföljning 2023");
    }
  }
  expected.push_back("Enheter som inte har svarat");
  expected.push_back("Enhet 5 <b>utan</b> svar");
  EXPECT_EQ(first_out_of_order(text, expected), std::nullopt) << text;
  EXPECT_EQ(title(path), "Sammanställning – Uppföljning 2024");
}

TEST_F(PdfRendererTest, CompiledReportWithoutCommentsLeavesThemOut) {
  CompiledReport report = testing::sample_compiled_report();
  report.with_comments = false;
  for (auto& s : report.sections)
    for (auto& q : s.questions)
      for (auto& a : q.answers) a.comment.clear();
  const std::string text = text_of(save(render_pdf(report)));
  EXPECT_THAT(text, Not(HasSubstr("Kommentar Q1")));
  EXPECT_THAT(text, HasSubstr("Kommentarerna är utelämnade."));
  EXPECT_THAT(text, HasSubstr("Enhet 2"));
}

TEST_F(PdfRendererTest, AnEmptyReportIsStillAValidPdf) {
  const std::string path = save(render_pdf(UnitReport{.round_name = "Tom", .unit_name = "Enhet"}));
  EXPECT_EQ(page_count(path), 2);
  EXPECT_THAT(text_of(path), HasSubstr("Uppföljningen har inga frågor till enheten."));
}

}  // namespace
}  // namespace uppsikt::report
