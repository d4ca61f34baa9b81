// The layouts other municipalities use, each on a small input in every format that can hold
// it: a table whose header row names the columns, labelled paragraphs, headings written
// "2." and facts above the first heading, and the status scales of action plans.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "docx_builder.h"
#include "importer/answer_scales.h"
#include "importer/docx_importer.h"
#include "importer/pdf_importer.h"
#include "importer/text_importer.h"

namespace uppsikt::importer {
namespace {

using namespace testing_docx;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Optional;

void expect_no_warnings(const FollowUp& followup) {
  for (const auto& warning : followup.warnings) ADD_FAILURE() << warning.message;
}

std::string row_of(const std::vector<std::string>& cells) {
  std::string out;
  for (const auto& cell : cells) out += tc(p(cell));
  return tr(out);
}

// --- a table with a header row --------------------------------------------------------

// Columns in an order the two-column reader never saw, with a column it does not know.
constexpr std::string_view kHeaderTableText =
    "Nämnd: Socialnämnden\n"
    "Datum: 2024-03-01\n"
    "\n"
    "2. Trygghet i offentlig miljö\n"
    "\n"
    "Status\tÅtgärd\tNr\tAnsvarig\tBudget\tKommentar/analys\n"
    "pågår\tKartlägga otrygga platser\t2.1\tStadsmiljönämnden\t200 tkr\tKartläggningen är halvvägs.\n"
    "Vi fortsätter under hösten.\n"
    "Ej påbörjad\tUtbilda personal\t2.2\t\t\t\n"
    "\n"
    "2.1 Skola\n"
    "\n"
    "Nr\tÅtgärd\tStatus\tKommentar\n"
    "2.1.1\tStärka elevhälsan\tGenomförd\tKlart i maj.\n";

TEST(HeaderTable, TextColumnsTakeTheirRolesFromTheHeaderWords) {
  const FollowUp followup = parse_text(kHeaderTableText);
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 3u);
  const ImportedQuestion& first = followup.questions[0];
  EXPECT_EQ(first.section, "2");
  EXPECT_EQ(first.text, "Kartlägga otrygga platser");
  EXPECT_THAT(first.reference_number, Optional(std::string("2.1")));
  EXPECT_THAT(first.audience, Optional(std::string("Stadsmiljönämnden")));
  EXPECT_THAT(first.answer, Optional(std::string("Pågår")));  // as written, in the scale's case
  EXPECT_THAT(first.comment, Optional(std::string("Kartläggningen är halvvägs.\n\nVi fortsätter under hösten.")));
  EXPECT_THAT(first.reference_text, HasSubstr("Budget: 200 tkr"));
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Ej påbörjad")));
  EXPECT_EQ(followup.questions[1].audience, std::nullopt);
  EXPECT_EQ(followup.questions[2].section, "2.1");
  EXPECT_THAT(followup.questions[2].answer, Optional(std::string("Genomförd")));
  EXPECT_THAT(followup.facts.unit, Optional(std::string("Socialnämnden")));
  EXPECT_THAT(followup.facts.date, Optional(std::string("2024-03-01")));
  ASSERT_EQ(followup.sections.size(), 2u);
  EXPECT_EQ(followup.sections[0].number, "2");
  EXPECT_EQ(followup.sections[0].title, "Trygghet i offentlig miljö");
}

TEST(HeaderTable, DocxHeaderRowRepeatedOnEachPageIsNoQuestion) {
  const std::string header = row_of({"Nr", "Insats", "Målgrupp", "Måluppfyllelse", "Redovisning", "Mål"});
  const std::string body =
      p("1 Trygghet") + "<w:tbl>" + header +
      row_of({"1.1", "Fler trygghetsvandringar", "Samtliga nämnder", "Delvis uppfyllt", "Fyra av sex.", "Sex vandringar"}) +
      header + row_of({"1.2", "Belysning", "", "Grön", "", ""}) + "</w:tbl>";
  const FollowUp followup = parse_docx(docx(body));
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_EQ(followup.questions[0].text, "Fler trygghetsvandringar");
  EXPECT_THAT(followup.questions[0].audience, Optional(std::string("Samtliga nämnder")));
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Delvis uppfyllt")));
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Fyra av sex.")));
  EXPECT_THAT(followup.questions[0].expected_result, Optional(std::string("Sex vandringar")));
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Grön")));
  expect_no_warnings(followup);
}

TEST(HeaderTable, CheckBoxesWorkForAStatusScale) {
  const std::string boxes = "<w:p>" + content_control_box(false, "Genomförd") + content_control_box(true, "Pågår") +
                            content_control_box(false, "Ej påbörjad") + "</w:p>";
  const std::string body = p("1 Mål") + "<w:tbl>" + row_of({"Åtgärd", "Status"}) +
                           tr(tc(p("Belysa parker")) + tc(boxes)) + "</w:tbl>";
  const FollowUp followup = parse_docx(docx(body));
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Pågår")));
  expect_no_warnings(followup);
}

TEST(HeaderTable, AnAnswerNoScaleKnowsIsWarnedAboutAndKeptAsComment) {
  const FollowUp followup = parse_text("1 Mål\n\nÅtgärd\tStatus\nGöra något\tKlar i tid\n");
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].answer, std::nullopt);
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Klar i tid")));
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("Rad 4"));
}

// A header table printed without borders: no drawn line tells its rows apart, so the
// import says so at the header instead of guessing silently.
TEST(HeaderTable, APdfTableWithoutRulesIsWarnedAboutAtItsHeader) {
  std::ifstream in(UPPSIKT_SOURCE_DIR "/tests/importer/data/unruled_header.pdf", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const FollowUp followup = parse_pdf(bytes.str());
  bool warned = false;
  for (const auto& warning : followup.warnings)
    warned = warned || (warning.page == 1 && warning.message.find("inga ritade linjer") != std::string::npos);
  EXPECT_TRUE(warned);
}

// A table whose header names no answer column gives no answers: that is said, once, at
// its header, not left for the user to find in the saved questions.
TEST(HeaderTable, ATableWithoutAnAnswerColumnIsWarnedAboutAtItsHeader) {
  const FollowUp followup =
      parse_text("1 Mål\n\nÅtgärd\tMåluppfyllning\tKommentar\nGöra\tUppfyllt\tGjort.\nLåta\tUppfyllt\tLåtit.\n");
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_EQ(followup.questions[0].answer, std::nullopt);
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("ingen kolumn för svar"));
  EXPECT_EQ(followup.warnings[0].line, 3);
}

// Copied from Word as text, a row whose first cell has several paragraphs begins on a line
// without a tab: right under the header row it is the first row, not more of the header.
TEST(HeaderTable, TextRowUnderTheHeaderMayBeginWithoutATab) {
  const FollowUp followup = parse_text(
      "1 Mål\n\nFråga\tSvar och kommentar\nHar ni samverkat med skolan?\n"
      "Strategi 1:1 Staden ska samordna stödet.\t[x] Ja [ ] Nej\nVi har träffats varje månad.\n");
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].text, "Har ni samverkat med skolan?");
  EXPECT_THAT(followup.questions[0].reference_number, Optional(std::string("1:1")));
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Ja")));
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Vi har träffats varje månad.")));
}

// A two-column row that begins with its strategy line has lost its question (to the row
// before, in a table copied as text): that is warned about, not saved as a question.
TEST(HeaderTable, ATwoColumnRowThatBeginsWithItsStrategyIsWarnedAbout) {
  const FollowUp followup = parse_text(
      "1 Mål\n\nFråga\tSvar och kommentar\nHar ni samverkat?\nStrategi 1:1 Samverka.\tJa\nVi har samverkat.\n"
      "Har ni planerat?\nStrategi 1:2 Planera.\tNej\n");
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("börjar med en strategi"));
  EXPECT_EQ(followup.warnings[0].line, 8);
}

// Some templates write the column's label in each cell ("Status: Pågår", "Kommentar: …"):
// the answer and the comment follow it.
TEST(HeaderTable, ALabelWrittenInAnAnswerOrCommentCellIsLeftOut) {
  const FollowUp followup = parse_text(
      "1 Mål\n\nÅtgärd\tStatus\tKommentar\nGöra\tStatus: Pågår\tKommentar: Vi har börjat.\n"
      "Låta\tSvar:\ngenomförd. Klart i maj.\t\n");
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Pågår")));
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Vi har börjat.")));
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Genomförd")));
  EXPECT_THAT(followup.questions[1].comment, Optional(std::string("Klart i maj.")));
}

// --- labelled paragraphs --------------------------------------------------------------

constexpr std::string_view kLabelledText =
    "Besvaras av: Kulturnämnden\n"
    "\n"
    "1 Trygghet och studiero\n"
    "\n"
    "1.1 Har nämnden arbetat med att öka\n"
    "tryggheten i verksamheterna?\n"
    "Berörda: Samtliga nämnder\n"
    "Förväntat resultat: Ökad trygghet.\n"
    "Svar: Delvis\n"
    "Kommentar: Vi har börjat med\n"
    "biblioteken.\n"
    "\n"
    "Arbetet fortsätter 2025.\n"
    "1.2 Har nämnden följt upp?\n"
    "Ansvarig: Kulturförvaltningen\n"
    "Bedömning: [ ] Ja [x] Nej\n"
    "2 Samverkan\n"
    "2.1 Har nämnden samverkat med polisen?\n"
    "Svar: Ja, genom medborgarlöften.\n";

TEST(LabelledParagraphs, TextLabelsFillTheirFieldsAndCommentsKeepTheirParagraphs) {
  const FollowUp followup = parse_text(kLabelledText);
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 3u);
  const ImportedQuestion& first = followup.questions[0];
  EXPECT_EQ(first.section, "1");
  EXPECT_EQ(first.text, "Har nämnden arbetat med att öka tryggheten i verksamheterna?");
  EXPECT_THAT(first.reference_number, Optional(std::string("1.1")));
  EXPECT_THAT(first.audience, Optional(std::string("Samtliga nämnder")));
  EXPECT_THAT(first.expected_result, Optional(std::string("Ökad trygghet.")));
  EXPECT_THAT(first.answer, Optional(std::string("Delvis")));
  EXPECT_THAT(first.comment, Optional(std::string("Vi har börjat med biblioteken.\n\nArbetet fortsätter 2025.")));
  EXPECT_THAT(followup.questions[1].audience, Optional(std::string("Kulturförvaltningen")));
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Nej")));
  EXPECT_EQ(followup.questions[2].section, "2");
  EXPECT_THAT(followup.questions[2].answer, Optional(std::string("Ja")));
  EXPECT_THAT(followup.questions[2].comment, Optional(std::string("genom medborgarlöften.")));
  EXPECT_THAT(followup.facts.unit, Optional(std::string("Kulturnämnden")));
}

TEST(LabelledParagraphs, DocxParagraphsEachMakeAParagraphOfTheComment) {
  const std::string body = p("Uppföljning 2024") + p("1. Trygghet", "Heading1") +
                           p("1.1 Har nämnden gjort något?") + p("Svar: Genomförd") + p("Kommentar:") +
                           p("Första stycket.") + p("Andra stycket.");
  const FollowUp followup = parse_docx(docx(body));
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Genomförd")));
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Första stycket.\n\nAndra stycket.")));
  EXPECT_EQ(followup.sections[0].number, "1");
  // The title above the first heading is no fact: it is warned about, not dropped.
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("Uppföljning 2024"));
}

TEST(LabelledParagraphs, AQuestionWithoutAnAnswerIsWarnedAbout) {
  const FollowUp followup = parse_text("1 Mål\n1.1 Har ni gjort det?\nKommentar: Inget att säga.\n");
  ASSERT_EQ(followup.questions.size(), 1u);
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("inget svar"));
}

// A numbered list in a comment is no heading: its items are sentences, with a full stop,
// and the questions after it stay in their section.
TEST(LabelledParagraphs, ANumberedListInACommentIsNoHeading) {
  const FollowUp followup = parse_text(
      "1 Handläggning\n1.1 Har tiderna kortats?\nSvar: Ja\nKommentar: Två saker hjälpte.\n"
      "1. Digital ansökan infördes.\n2. Fler handläggare anställdes.\n"
      "1.2 Har ärendena minskat?\nSvar: Nej\n2 Service\n2.1 Har e-tjänsterna utvecklats?\nSvar: Ja\n");
  expect_no_warnings(followup);
  ASSERT_EQ(followup.sections.size(), 2u);
  EXPECT_EQ(followup.sections[1].title, "Service");
  ASSERT_EQ(followup.questions.size(), 3u);
  EXPECT_THAT(followup.questions[0].comment,
              Optional(std::string("Två saker hjälpte. 1. Digital ansökan infördes. 2. Fler handläggare anställdes.")));
  EXPECT_EQ(followup.questions[1].section, "1");
  EXPECT_EQ(followup.questions[2].section, "2");
}

// Text copied out of a PDF keeps each page's footer; it is no part of the comment.
TEST(LabelledParagraphs, APageFooterInTextIsLeftOut) {
  const FollowUp followup =
      parse_text("1 Mål\n1.1 Har ni gjort det?\nSvar: Ja\nKommentar: Vi har börjat.\n\nSida 1 av 2\n\f"
                 "Vi fortsätter.\n1.2 Har ni planerat?\nSvar: Nej\n\nSida 2 av 2\n");
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Vi har börjat.\n\nVi fortsätter.")));
  EXPECT_EQ(followup.questions[1].comment, std::nullopt);
}

// A list in a comment, as a text file or a PDF keeps it, gives each item a paragraph of its
// own without its bullet, as the list of a Word document does.
TEST(LabelledParagraphs, EachItemOfABulletedListIsAParagraph) {
  const FollowUp followup = parse_text(
      "1 Mål\n1.1 Har ni gjort det?\nSvar: Ja\nKommentar: Vi har infört:\n"
      "\u2022 en rutin för\n  nya medarbetare\n\uf0b7 en checklista\n- en kalender\nMer följer.\n");
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].comment,
              Optional(std::string("Vi har infört:\n\nen rutin för nya medarbetare\n\nen checklista\n\nen kalender "
                                   "Mer följer.")));
}

TEST(HeaderTable, EachItemOfABulletedListInACellIsAParagraph) {
  const FollowUp followup = parse_text(
      "1 Mål\n\nÅtgärd\tStatus\tKommentar\nUtbilda\tGenomförd\tDet här är gjort:\n\u2022 kurser\n\u2022 övningar\n");
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Det här är gjort:\n\nkurser\n\növningar")));
}

// "Besvaras av:" names the unit that answered better than the board above it; the board's
// line and a second date are kept among the other facts, not dropped.
TEST(Facts, TheAnsweringUnitOutranksTheBoardAndNoFactLineIsDropped) {
  const FollowUp followup = parse_text(
      "Nämnd: Socialnämnden\nDatum: 2024-11-30\nBesvaras av: Enheten för stöd\nDatum: 2024-12-01\n\n"
      "1 Mål\n1.1 Har ni gjort det?\nSvar: Ja\n");
  expect_no_warnings(followup);
  EXPECT_THAT(followup.facts.unit, Optional(std::string("Enheten för stöd")));
  EXPECT_THAT(followup.facts.date, Optional(std::string("2024-11-30")));
  EXPECT_THAT(followup.facts.other, ElementsAre("Nämnd: Socialnämnden", "Datum: 2024-12-01"));
  const FollowUp board_last = parse_text(
      "Besvaras av: Enheten\nFörvaltning: Socialförvaltningen\n\n1 Mål\n1.1 Har ni gjort det?\nSvar: Ja\n");
  EXPECT_THAT(board_last.facts.unit, Optional(std::string("Enheten")));
  EXPECT_THAT(board_last.facts.other, ElementsAre("Förvaltning: Socialförvaltningen"));
}

// Many templates put the facts in a small table above the first heading: its rows are
// read as the lines "Nämnd: …" would be, not as questions.
TEST(Facts, ATableOfFactsAboveTheFirstHeadingGivesTheFacts) {
  const std::string body = "<w:tbl>" + row_of({"Nämnd", "Gymnasienämnden"}) + row_of({"Datum", "2024-10-01"}) +
                           "</w:tbl>" + p("1 Mål", "Heading1") + p("1.1 Har ni gjort det?") + p("Svar: Ja");
  const FollowUp followup = parse_docx(docx(body));
  expect_no_warnings(followup);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].text, "Har ni gjort det?");
  EXPECT_THAT(followup.facts.unit, Optional(std::string("Gymnasienämnden")));
  EXPECT_THAT(followup.facts.date, Optional(std::string("2024-10-01")));
}

// --- answer scales --------------------------------------------------------------------

TEST(AnswerScales, EveryStatusScaleIsRecognisedInItsOwnSpelling) {
  EXPECT_THAT(recognised_option(" DELVIS  UPPFYLLT "), Optional(std::string("Delvis uppfyllt")));
  EXPECT_THAT(recognised_option("påbörjad"), Optional(std::string("Påbörjad")));
  EXPECT_THAT(recognised_option("röd"), Optional(std::string("Röd")));
  EXPECT_EQ(recognised_option("Klar"), std::nullopt);
  EXPECT_EQ(scale_of("Gul")->name, "Grön/Gul/Röd");
  EXPECT_EQ(scale_of("Vet ej"), &answer_scales().front());
}

}  // namespace
}  // namespace uppsikt::importer
