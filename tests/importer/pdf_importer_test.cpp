// The PDF importer on PDFs made by tests/importer/data/make_pdfs.cpp (cairo): the fixture
// laid out as a two-column table over several pages, the variations, and damaged files.
#include "importer/pdf_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "importer/pdf_hyphen.h"
#include "importer/text_importer.h"

namespace uppsikt::importer {
namespace {

using testing::HasSubstr;
using testing::IsEmpty;
using testing::Optional;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string data(const std::string& name) { return read_file(UPPSIKT_SOURCE_DIR "/tests/importer/data/" + name); }

// Page headers, "Sida N av M" footers and repeated table header rows go; a row that runs
// over a page break stays whole; answers given as check boxes count.
TEST(PdfImport, FixtureGivesWhatTheTextImporterGives) {
  const FollowUp from_text = parse_text(read_file(UPPSIKT_SOURCE_DIR "/data/demo/miljoforvaltningen-2024.txt"));
  const FollowUp from_pdf = parse_pdf(data("fixture.pdf"));
  for (const auto& warning : from_pdf.warnings) ADD_FAILURE() << warning.message;
  const auto actual = nlohmann::json::parse(to_json(from_pdf));
  const auto expected = nlohmann::json::parse(to_json(from_text));
  ASSERT_EQ(actual["sections"], expected["sections"]);
  ASSERT_EQ(actual["questions"].size(), expected["questions"].size());
  for (std::size_t i = 0; i < expected["questions"].size(); ++i)
    EXPECT_EQ(actual["questions"][i], expected["questions"][i]) << "question " << i;
  EXPECT_EQ(actual, nlohmann::json::parse(data("fixture.expected.json")));
}

class PdfVariations : public testing::Test {
 protected:
  void SetUp() override { followup_ = parse_pdf(data("variations.pdf")); }
  FollowUp followup_;
};

TEST_F(PdfVariations, BrokenWordsJoinSuspendedCompoundsStay) {
  ASSERT_EQ(followup_.questions.size(), 3u);
  const auto& q = followup_.questions[0];
  EXPECT_EQ(q.text, "Har ni ett brottsförebyggande råd?");
  EXPECT_THAT(q.audience, Optional(std::string("Berörda nämnder")));
  EXPECT_THAT(q.comment, Optional(std::string("Vi planerar om- och tillbyggnad av EU-Projektet.\n\nVarför? Det "
                                              "saknas resurser. 2 gånger per år följs det upp.")));
}

TEST_F(PdfVariations, CheckBoxAnswerAndOptionInAnyCase) {
  ASSERT_EQ(followup_.questions.size(), 3u);
  EXPECT_THAT(followup_.questions[0].answer, Optional(std::string("Nej")));
  EXPECT_THAT(followup_.questions[0].reference_number, Optional(std::string("1:1")));
  EXPECT_THAT(followup_.questions[2].answer, Optional(std::string("Vet ej")));
  EXPECT_EQ(followup_.questions[2].comment, std::nullopt);
}

TEST_F(PdfVariations, CommentOverAPageBreakStaysWholeWithoutFurniture) {
  ASSERT_EQ(followup_.questions.size(), 3u);
  const auto& comment = followup_.questions[1].comment;
  ASSERT_TRUE(comment.has_value());
  EXPECT_THAT(*comment, HasSubstr("Stycke 1 av kommentaren.\n\nStycke 2 av"));
  EXPECT_THAT(*comment, HasSubstr("Stycke 60 av kommentaren."));
  EXPECT_THAT(*comment, testing::Not(HasSubstr("Sida")));
  EXPECT_THAT(*comment, testing::Not(HasSubstr("Uppföljning")));
  EXPECT_THAT(*comment, testing::Not(HasSubstr("Svarsalternativ")));
  EXPECT_EQ(followup_.questions[1].section, "1.3");
}

TEST_F(PdfVariations, LooseTextIsAWarningNamingItsPage) {
  ASSERT_EQ(followup_.warnings.size(), 1u);
  EXPECT_EQ(followup_.warnings[0].page, 1);
  EXPECT_THAT(followup_.warnings[0].message, HasSubstr("Sida 1"));
  EXPECT_THAT(followup_.warnings[0].message, HasSubstr("Bilaga: se intranätet"));
}

TEST(PdfHyphen, JoinsOnlyBeforeALowerCaseWordThatIsNoConjunction) {
  std::vector<CellLine> lines{{"brotts-"}, {"förebyggande arbete"}, {"om-"}, {"och till"}, {"EU-"}, {"Projekt"}};
  join_broken_words(lines);
  std::vector<std::string> texts;
  for (const auto& line : lines) texts.push_back(line.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"brottsförebyggande", "arbete", "om-", "och till", "EU-", "Projekt"}));
}

TEST(PdfImportDamaged, NotAPdf) {
  EXPECT_THROW(parse_pdf("Detta är ingen PDF"), ImportFailure);
  EXPECT_THROW(parse_pdf(""), ImportFailure);
}

TEST(PdfImportDamaged, WithoutTextSaysSo) {
  try {
    parse_pdf(data("no_text.pdf"));
    FAIL() << "no exception";
  } catch (const ImportFailure& e) {
    EXPECT_THAT(e.what(), HasSubstr("ingen text"));
  }
}

// LibreOffice draws a table's column lines once from its top to its bottom, and the edges of
// the header cells' grey background over their top: every row under the header is a row of
// the table, not text beside it (before, the first table of such a page was lost).
TEST(PdfImport, ColumnLinesDrawnInPiecesOfAnyOrderStillMakeRows) {
  const FollowUp followup = parse_pdf(read_file(UPPSIKT_SOURCE_DIR "/tests/importer/corpus_unseen/u_goals.pdf"));
  ASSERT_EQ(followup.questions.size(), 5u);
  EXPECT_EQ(followup.questions[0].section, "1");
  EXPECT_EQ(followup.questions[0].text, "Fler besökare på biblioteken genom längre öppettider på kvällar och helger");
  EXPECT_THAT(followup.questions[0].audience, Optional(std::string("Alla invånare")));
  for (const auto& warning : followup.warnings) EXPECT_THAT(warning.message, HasSubstr("inget svar"));
}

// LibreOffice leaves a few points after a paragraph, less than Word's 8 pt but more than
// the lines of a paragraph stand apart: the comment keeps its paragraphs, in a table's
// cell and in labelled paragraphs alike.
TEST(PdfImport, ASmallSpaceAfterAParagraphStillEndsIt) {
  const std::string corpus = UPPSIKT_SOURCE_DIR "/tests/importer/corpus_unseen/";
  const FollowUp labelled = parse_pdf(read_file(corpus + "u_labelled.pdf"));
  ASSERT_GE(labelled.questions.size(), 1u);
  EXPECT_THAT(labelled.questions[0].comment,
              Optional(HasSubstr("i oktober.\n\nVi har haft svårt att rekrytera")));
  const FollowUp table = parse_pdf(read_file(corpus + "u_traffic.pdf"));
  ASSERT_GE(table.questions.size(), 1u);
  EXPECT_THAT(table.questions[0].comment, Optional(HasSubstr("har tecknats.\n\nVi har haft svårt")));
}

// A narrow status column wraps "Delvis uppfyllt" over two lines: the answer is the whole
// option ("Delvis" alone is an option of another scale), not its first word.
TEST(PdfImport, AnOptionWrappedOverTwoLinesOfItsCellIsOneAnswer) {
  const FollowUp followup = parse_pdf(read_file(UPPSIKT_SOURCE_DIR "/tests/importer/corpus_unseen/u_goals.pdf"));
  ASSERT_GE(followup.questions.size(), 2u);
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Delvis uppfyllt")));
  EXPECT_THAT(followup.questions[1].comment, Optional(testing::StartsWith("Kostnaden blev lägre")));
}

// A word wider than its narrow column is broken where the column ends, without a hyphen;
// the cell's text has it whole.
TEST(PdfImport, AWordBrokenAtTheEdgeOfItsColumnIsJoined) {
  const FollowUp followup = parse_pdf(read_file(UPPSIKT_SOURCE_DIR "/tests/importer/corpus_unseen/u_outline.pdf"));
  ASSERT_GE(followup.questions.size(), 3u);
  EXPECT_THAT(followup.questions[2].audience, Optional(std::string("Säkerhetssamordnare")));
  EXPECT_EQ(followup.questions[2].text, "Finns en plan för kontinuitet vid kris?");
}

// A PDF cut off anywhere never crashes: it is refused or read as far as it goes.
TEST(PdfImportDamaged, TruncatedFile) {
  const std::string whole = data("variations.pdf");
  for (std::size_t size = 0; size < whole.size(); size += whole.size() / 40) {
    try {
      parse_pdf(whole.substr(0, size));
    } catch (const ImportFailure&) {
    }
  }
}

}  // namespace
}  // namespace uppsikt::importer
