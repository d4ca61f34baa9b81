// The traps the seed fixture shows, each on a tiny input: what a user importing an old
// follow-up would see go wrong if the rule broke.
#include "importer/text_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace uppsikt::importer {
namespace {

using testing::HasSubstr;
using testing::IsEmpty;
using testing::Optional;

// A section heading and a table header, as every block of the fixture starts.
constexpr std::string_view kHead =
    "1 Uppföljning\n"
    "\n"
    "Uppföljningsfrågor Svarsalternativ med kommentar\n"
    "\n";

FollowUp parse(std::string_view body) { return parse_text(std::string(kHead) + std::string(body)); }

// Parses and expects exactly one question and no warnings.
ImportedQuestion only_question(std::string_view body) {
  const FollowUp followup = parse(body);
  for (const auto& warning : followup.warnings) ADD_FAILURE() << warning.message;
  EXPECT_EQ(followup.questions.size(), 1u);
  return followup.questions.empty() ? ImportedQuestion{} : followup.questions.front();
}

TEST(TextImportAudience, SpansTwoLinesAfterTheQuestionMark) {
  const auto q = only_question(
      "Har ni identifierat verktyg? (Samtliga nämnder och \n"
      "styrelser) \n"
      " \n"
      "Strategi 1:1 Staden ska arbeta. \n"
      "\n"
      " Ja \n");
  EXPECT_EQ(q.text, "Har ni identifierat verktyg?");
  EXPECT_THAT(q.audience, Optional(std::string("Samtliga nämnder och styrelser")));
}

TEST(TextImportAudience, MayBreakRightAfterTheParenthesis) {
  const auto q = only_question(
      "Har ni ett lokalt kompetensteam? (Berörda \n"
      "nämnder och styrelser) \n"
      "\n"
      "1.2 Utveckla lokala kompetens team. \n"
      "\n"
      "Ja\n");
  EXPECT_THAT(q.audience, Optional(std::string("Berörda nämnder och styrelser")));
}

TEST(TextImportAudience, OnItsOwnLineKeepsItsLowerCase) {
  const auto q = only_question(
      "Deltar ni i myndighetsgemensamma \n"
      "insatser mot organiserad brottslighet? \n"
      "(samtliga nämnder och styrelser) \n"
      " \n"
      "Strategi 3:2 Text.\n"
      "\n"
      "Ja\n");
  EXPECT_EQ(q.text, "Deltar ni i myndighetsgemensamma insatser mot organiserad brottslighet?");
  EXPECT_THAT(q.audience, Optional(std::string("samtliga nämnder och styrelser")));
}

TEST(TextImportAudience, AbsentIsNull) {
  const auto q = only_question("Är ert arbete kunskapsbaserat? \n \nStrategi 1:1 Text\n\n Ja \n");
  EXPECT_EQ(q.audience, std::nullopt);
}

TEST(TextImportAudience, QuestionOfTwoSentencesKeepsBoth) {
  const auto q = only_question(
      "Har ni en plan? \n"
      "Om ja, följs den upp? (Berörda nämnder) \n"
      "\n"
      "Strategi 1:1 Text\n\nJa\n");
  EXPECT_EQ(q.text, "Har ni en plan? Om ja, följs den upp?");
  EXPECT_THAT(q.audience, Optional(std::string("Berörda nämnder")));
}

TEST(TextImportReference, NumberFromStrategiLine) {
  const auto q = only_question(
      "Har ni säkrat er kompetens? \n \nStrategi 1:2 Göteborg Stad ska säkra \nkompetens \n\n Ja \n");
  EXPECT_THAT(q.reference_number, Optional(std::string("1:2")));
  EXPECT_EQ(q.reference_text, "Strategi 1:2 Göteborg Stad ska säkra kompetens");
}

TEST(TextImportReference, NumberFromInsatsAtTheEndOfGenomforsSentence) {
  const auto q = only_question(
      "Har ni implementerat metodstöd? \n"
      " \n"
      "Genomförs aktiviteter i enlighet med \n"
      "utdelat ansvar för att uppfylla målet med \n"
      "insats 4:6. \n"
      "\n"
      " Ja \n");
  EXPECT_THAT(q.reference_number, Optional(std::string("4:6")));
}

TEST(TextImportReference, BareNumberAtLineStart) {
  const auto q = only_question("Använder ni handboken? \n \n1:1 Samtliga nämnder ska använda den. \n\n Ja \n");
  EXPECT_THAT(q.reference_number, Optional(std::string("1:1")));
}

TEST(TextImportReference, DottedNumberAfterQuestionIsNotAHeading) {
  const FollowUp followup = parse_text(
      "3 Plan\n"
      "\n"
      "3.1 Uppföljning implementeringsprocessen\n"
      "\n"
      "Har ni ett lokalt kompetensteam? \n"
      " \n"
      "1.2 Utveckla lokala kompetens team. Ökad \n"
      "kompetens och struktur. \n"
      "\n"
      " Ja \n");
  ASSERT_EQ(followup.sections.size(), 2u);
  EXPECT_EQ(followup.sections.back().number, "3.1");
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].section, "3.1");
  EXPECT_THAT(followup.questions[0].reference_number, Optional(std::string("1.2")));
  EXPECT_THAT(followup.warnings, IsEmpty());
}

TEST(TextImportReference, ExpectedResultRunsOverLinesUntilTheAnswer) {
  const auto q = only_question(
      "Deltar ni? \n"
      " \n"
      "Genomförs aktiviteter med \n"
      "insats 3:2. \n"
      " \n"
      "Förväntat resultat: Motverka oseriös \n"
      "verksamhet och skapa \n"
      "likhet inför lagen \n"
      "\n"
      " Ja \n"
      " \n"
      "Vi deltar.\n");
  EXPECT_THAT(q.expected_result, Optional(std::string("Motverka oseriös verksamhet och skapa likhet inför lagen")));
  EXPECT_THAT(q.reference_number, Optional(std::string("3:2")));
  EXPECT_THAT(q.comment, Optional(std::string("Vi deltar.")));
}

TEST(TextImportReference, WithoutExpectedResultItIsNull) {
  const auto q = only_question("Är ert arbete kunskapsbaserat? \n \nStrategi 1:1 Text\n\n Ja \n");
  EXPECT_EQ(q.expected_result, std::nullopt);
}

TEST(TextImportAnswer, AnyOptionInAnyCaseWithSurroundingSpace) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {" Ja ", "Ja"},         {"NEJ", "Nej"},          {"  delvis", "Delvis"},
      {"ej aktuellt  ", "Ej aktuellt"}, {"Vet Ej", "Vet ej"}};
  for (const auto& [line, option] : cases) {
    const auto q = only_question("Har ni gjort det? \n\nStrategi 1:1 Text\n\n" + std::string(line) + "\n");
    EXPECT_THAT(q.answer, Optional(std::string(option))) << line;
  }
}

TEST(TextImportAnswer, QuestionAnsweredWithoutReferenceBlock) {
  const auto q = only_question("Har ni gjort det? \n\nDelvis\n\nNästan klart.\n");
  EXPECT_THAT(q.answer, Optional(std::string("Delvis")));
  EXPECT_EQ(q.reference_number, std::nullopt);
  EXPECT_THAT(q.comment, Optional(std::string("Nästan klart.")));
}

TEST(TextImportComment, ParagraphsSeparatedByBlankOrSpaceOnlyLines) {
  const auto q = only_question(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
      "Första stycket \n"
      "fortsätter här. \n"
      "   \n"
      "Andra stycket.\n"
      "\n"
      "Tredje.\n");
  EXPECT_THAT(q.comment, Optional(std::string("Första stycket fortsätter här.\n\nAndra stycket.\n\nTredje.")));
}

TEST(TextImportComment, AbsentIsNull) {
  const FollowUp followup = parse(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n\n"
      "Har ni gjort mer? \n\nStrategi 1:2 Text\n\n Nej \n");
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_EQ(followup.questions[0].comment, std::nullopt);
  EXPECT_EQ(followup.questions[1].comment, std::nullopt);
}

TEST(TextImportComment, QuestionMarkInsideIsNotAQuestion) {
  const auto q = only_question(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
      "Vi frågade oss varför? Svaret var \n"
      "enkelt. Hur går vi vidare? \n"
      "\n"
      "Vi fortsätter som förut.\n");
  EXPECT_THAT(q.comment, Optional(std::string(
                             "Vi frågade oss varför? Svaret var enkelt. Hur går vi vidare?\n\n"
                             "Vi fortsätter som förut.")));
}

TEST(TextImportComment, LinesStartingWithNumbersAreNotHeadings) {
  const auto q = only_question(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
      "Rapporter kom in under \n"
      "2023. Rapporterna visar en ökning. \n"
      "\n"
      "2 gånger per år följer vi upp.\n"
      "\n"
      "2023 Rapporterades fler fall.\n");
  EXPECT_THAT(q.comment, Optional(std::string(
                             "Rapporter kom in under 2023. Rapporterna visar en ökning.\n\n"
                             "2 gånger per år följer vi upp.\n\n2023 Rapporterades fler fall.")));
}

TEST(TextImportComment, NextQuestionMayFollowWithoutBlankLine) {
  const FollowUp followup = parse(
      "Har ni gjort det? \n\nStrategi 2:2 Text\n\n Ja \n \n"
      "Vi deltar i olika typer av platssamverkan. \n"
      " Har ni stärkt näringslivets och \n"
      "civilsamhällets delaktighet? \n"
      " \n"
      "Strategi 2:3 Text\n\n Ja \n");
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Vi deltar i olika typer av platssamverkan.")));
  EXPECT_EQ(followup.questions[1].text, "Har ni stärkt näringslivets och civilsamhällets delaktighet?");
  EXPECT_THAT(followup.questions[1].reference_number, Optional(std::string("2:3")));
}

TEST(TextImportHyphen, LineEndHyphenBeforeConjunctionKeepsTheSpace) {
  const auto q = only_question(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
      "Avtalet involverar Miljö-\n"
      "och klimatnämnden på individ-, grupp- \n"
      "eller områdesnivå.\n");
  EXPECT_THAT(q.comment, Optional(std::string(
                             "Avtalet involverar Miljö- och klimatnämnden på individ-, grupp- eller områdesnivå.")));
}

TEST(TextImportHyphen, OtherLineEndHyphenJoinsWithoutSpace) {
  const auto q = only_question(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \nKommande Tryggi-\navtal gäller.\n");
  EXPECT_THAT(q.comment, Optional(std::string("Kommande Tryggi-avtal gäller.")));
}

TEST(TextImportHeading, AfterCommentWithLeadingSpace) {
  const FollowUp followup = parse_text(
      "1.2.2 Målområde 4: Minska benägenheten \n"
      "\n"
      "Arbetar ni aktivt? \n\nStrategi 4:4 Text\n\n Ja \n \n"
      "Problematiken kan bestå av våld \n"
      "och förtryck. \n"
      " 1.2.3 Målområde 5: Minska möjligheten att begå brott \n"
      "Uppföljningsfrågor Svarsalternativ med kommentar \n");
  ASSERT_EQ(followup.sections.size(), 2u);
  EXPECT_EQ(followup.sections[1].number, "1.2.3");
  EXPECT_EQ(followup.sections[1].title, "Målområde 5: Minska möjligheten att begå brott");
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Problematiken kan bestå av våld och förtryck.")));
}

TEST(TextImportHeading, TopLevelTitleContinuesUntilBlankLine) {
  const FollowUp followup = parse_text(
      " 1 Uppföljning Göteborgs Stads \n"
      "trygghetsskapande och \n"
      "program \n"
      "2022-2026 \n"
      "\n"
      "1.1 Uppföljning arbetsprocessen \n");
  ASSERT_EQ(followup.sections.size(), 2u);
  EXPECT_EQ(followup.sections[0].number, "1");
  EXPECT_EQ(followup.sections[0].title, "Uppföljning Göteborgs Stads trygghetsskapande och program 2022-2026");
  EXPECT_EQ(followup.sections[1].title, "Uppföljning arbetsprocessen");
  EXPECT_THAT(followup.warnings, IsEmpty());
}

TEST(TextImportHeading, TopLevelAfterCommentSpansLines) {
  const FollowUp followup = parse(
      "Har ni gjort det? \n\nStrategi 5:4 Text\n\n Ja \n \n"
      "Det finns också en visselblåsarfunktion. \n"
      " 2 Göteborgs Stads \n"
      "handlingsplan 2023–2026 \n"
      "\n"
      "2.1 Fokusområde 1: Tidiga och förebyggande \n"
      "insatser \n");
  ASSERT_EQ(followup.sections.size(), 3u);
  EXPECT_EQ(followup.sections[1].number, "2");
  EXPECT_EQ(followup.sections[1].title, "Göteborgs Stads handlingsplan 2023–2026");
  EXPECT_EQ(followup.sections[2].title, "Fokusområde 1: Tidiga och förebyggande insatser");
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Det finns också en visselblåsarfunktion.")));
}

TEST(TextImportHeading, QuestionsStandUnderTheLatestSection) {
  const FollowUp followup = parse_text(
      "1 Program\n\n1.1 Del\n\nHar ni A? \n\nStrategi 1:1 T\n\nJa\n\n"
      "1.2 Annan del\n\nHar ni B? \n\nStrategi 1:2 T\n\nNej\n");
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_EQ(followup.questions[0].section, "1.1");
  EXPECT_EQ(followup.questions[1].section, "1.2");
}

// Numbers of one to four levels, and a gap where a section without questions was left out.
TEST(TextImportHeading, FourLevelsAndAGapInTheNumbering) {
  const FollowUp followup = parse_text(
      "1 Program\n\n1.2 Del\n\n1.2.1 Mål\n\n1.2.1.1 Insats\n\nHar ni A? \n\nStrategi 1.1 T\n\nJa\n\n"
      "1.2.3 Annat mål\n\nHar ni B? \n\nStrategi 1:3 T\n\nvet ej\n");
  std::vector<std::string> numbers;
  for (const auto& s : followup.sections) numbers.push_back(s.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1", "1.2", "1.2.1", "1.2.1.1", "1.2.3"}));
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_EQ(followup.questions[0].section, "1.2.1.1");
  EXPECT_THAT(followup.questions[0].reference_number, Optional(std::string("1.1")));
  EXPECT_EQ(followup.questions[1].section, "1.2.3");
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Vet ej")));
  EXPECT_THAT(followup.warnings, IsEmpty());
}

TEST(TextImportLayout, TableHeaderIsSkippedEvenInsideAComment) {
  const auto q = only_question(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
      "Vi har gjort det \n"
      "Uppföljningsfrågor Svarsalternativ med kommentar \n"
      "under hela året.\n");
  EXPECT_THAT(q.comment, Optional(std::string("Vi har gjort det under hela året.")));
}

TEST(TextImportLayout, FormFeedBetweenPagesIsALineBreak) {
  const FollowUp followup = parse(
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
      "Vi har gjort det\n"
      "\funder hela året.\f\n"
      "\f1.1 Nästa avsnitt\n");
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Vi har gjort det under hela året.")));
  ASSERT_EQ(followup.sections.size(), 2u);
  EXPECT_EQ(followup.sections[1].title, "Nästa avsnitt");
  EXPECT_THAT(followup.warnings, IsEmpty());
}

TEST(TextImportWarnings, OrphanLineIsReportedWithItsLineNumber) {
  const FollowUp followup = parse_text(
      "1 Program\n"
      "\n"
      "Lös text utan fråga.\n"
      "\n"
      "Har ni gjort det? \n\nStrategi 1:1 Text\n\nJa\n");
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_EQ(followup.warnings[0].line, 3);
  EXPECT_EQ(followup.warnings[0].message, "Rad 3: texten hör inte till någon fråga och har hoppats över");
  EXPECT_EQ(followup.questions.size(), 1u);
}

TEST(TextImportWarnings, QuestionWithoutAnswerIsReported) {
  const FollowUp followup = parse_text("1 Program\n\nHar ni gjort det?\n\nStrategi 1:1 Text utan svar.\n");
  EXPECT_THAT(followup.questions, IsEmpty());
  ASSERT_EQ(followup.warnings.size(), 2u);
  EXPECT_EQ(followup.warnings[0].line, 3);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("följs inte av något svar"));
  EXPECT_EQ(followup.warnings[1].line, 5);
}

TEST(TextImportWarnings, EmptyInputGivesNothing) {
  const FollowUp followup = parse_text("");
  EXPECT_THAT(followup.sections, IsEmpty());
  EXPECT_THAT(followup.questions, IsEmpty());
  EXPECT_THAT(followup.warnings, IsEmpty());
}

}  // namespace
}  // namespace uppsikt::importer
