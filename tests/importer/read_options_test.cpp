// What a user tells the importer about a file it read wrongly: a column's role named by its
// header (--column "Läge=answer", or the preview's choice) and the answer scale.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "docx_builder.h"
#include "importer/answer_scales.h"
#include "importer/docx_importer.h"
#include "importer/read_options.h"
#include "importer/text_importer.h"

namespace uppsikt::importer {
namespace {

using namespace testing_docx;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Optional;

// "Status" holds the comment and "Läge" the answer: the header's words say otherwise.
constexpr std::string_view kSwapped =
    "1 Trygghet\n"
    "\n"
    "Åtgärd\tStatus\tLäge\n"
    "Belysa parker\tKlart före sommaren\tGenomförd\n";

TEST(ColumnChoice, WithoutAChoiceTheHeaderWordsDecideAndTheWrongAnswerIsWarnedAbout) {
  const FollowUp followup = parse_text(kSwapped);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].answer, std::nullopt);
  EXPECT_THAT(followup.questions[0].reference_text, HasSubstr("Läge: Genomförd"));
  EXPECT_THAT(followup.warnings, testing::Not(IsEmpty()));
  ASSERT_EQ(followup.tables.size(), 1u);
  EXPECT_THAT(followup.tables[0].headers, ElementsAre("Åtgärd", "Status", "Läge"));
  EXPECT_THAT(followup.tables[0].roles, ElementsAre(Role::question, Role::answer, Role::extra));
}

TEST(ColumnChoice, AChosenRoleOverridesTheHeaderWords) {
  ReadOptions options;
  options.columns = {{"läge", Role::answer}, {"STATUS", Role::comment}};  // case is no matter
  const FollowUp followup = parse_text(kSwapped, options);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Genomförd")));
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Klart före sommaren")));
  EXPECT_EQ(followup.questions[0].reference_text, "");
  EXPECT_THAT(followup.warnings, IsEmpty());
  ASSERT_EQ(followup.tables.size(), 1u);
  EXPECT_THAT(followup.tables[0].roles, ElementsAre(Role::question, Role::comment, Role::answer));
}

TEST(ColumnChoice, AChosenRoleTakesItFromTheColumnTheWordsGaveItTo) {
  ReadOptions options;
  options.columns = {{"Läge", Role::answer}};
  const FollowUp followup = parse_text(kSwapped, options);
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Genomförd")));
  EXPECT_THAT(followup.questions[0].reference_text, HasSubstr("Status: Klart före sommaren"));
  EXPECT_THAT(followup.tables[0].roles, ElementsAre(Role::question, Role::extra, Role::answer));
}

TEST(ColumnChoice, OneRoleChosenForTwoColumnsStaysWithTheFirstAndIsWarnedAbout) {
  ReadOptions options;
  options.columns = {{"Status", Role::answer}, {"Läge", Role::answer}};
  const FollowUp followup = parse_text(kSwapped, options);
  EXPECT_THAT(followup.tables[0].roles, ElementsAre(Role::question, Role::answer, Role::extra));
  ASSERT_THAT(followup.warnings, testing::Not(IsEmpty()));
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("\"Läge\" har fått samma roll som \"Status\""));
}

TEST(ColumnChoice, WordTablesTakeTheChoiceAndARepeatedHeaderIsListedOnce) {
  auto row_of = [](std::initializer_list<std::string> cells) {
    std::string out;
    for (const auto& c : cells) out += tc(p(c));
    return tr(out);
  };
  const std::string header = row_of({"Nr", "Åtgärd", "Status", "Läge"});
  const std::string body = p("1 Trygghet") + "<w:tbl>" + header + row_of({"1.1", "Belysa parker", "Klart", "Grön"}) +
                           header + row_of({"1.2", "Vandringar", "", "Röd"}) + "</w:tbl>";
  ReadOptions options;
  options.columns = {{"Läge", Role::answer}, {"Status", Role::comment}};
  const FollowUp followup = parse_docx(docx(body), options);
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Grön")));
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Röd")));
  EXPECT_EQ(followup.tables.size(), 1u);
  EXPECT_THAT(followup.warnings, IsEmpty());
}

TEST(ScaleChoice, AnswersOutsideTheChosenScaleAreWarnedAboutAndKeptInTheComment) {
  ReadOptions options;
  options.scale = "genomförd/påbörjad/ej påbörjad";
  const FollowUp followup =
      parse_text("1 Mål\n\nÅtgärd\tStatus\tKommentar\nA\tPåbörjad\t\nB\tJa\tSe bilaga.\n", options);
  ASSERT_EQ(followup.questions.size(), 2u);
  EXPECT_EQ(followup.scale, "Genomförd/Påbörjad/Ej påbörjad");
  EXPECT_THAT(followup.questions[0].answer, Optional(std::string("Påbörjad")));
  EXPECT_EQ(followup.questions[1].answer, std::nullopt);
  EXPECT_THAT(followup.questions[1].comment, Optional(std::string("Ja\n\nSe bilaga.")));
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("\"Ja\" finns inte bland svarsalternativen"));
  EXPECT_EQ(followup.warnings[0].line, followup.questions[1].line);
}

TEST(ScaleChoice, NoScaleChosenLeavesEachAnswerInItsOwn) {
  const FollowUp followup = parse_text("1 Mål\n\nÅtgärd\tStatus\nA\tPåbörjad\nB\tJa\n");
  EXPECT_EQ(followup.scale, "");
  EXPECT_THAT(followup.questions[1].answer, Optional(std::string("Ja")));
}

TEST(ColumnChoice, ParsedFromTheCommandLineInEnglishOrSwedish) {
  auto choice = parse_column_choice("Kommentar/analys = svar");
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->header, "Kommentar/analys");
  EXPECT_EQ(choice->role, Role::answer);
  EXPECT_EQ(parse_column_choice("Status=answer")->role, Role::answer);
  EXPECT_EQ(parse_column_choice("Status"), std::nullopt);
  EXPECT_EQ(parse_column_choice("=answer"), std::nullopt);
  EXPECT_EQ(parse_column_choice("Status=färg"), std::nullopt);
  for (Role r : {Role::number, Role::question, Role::audience, Role::answer, Role::comment, Role::expected, Role::extra})
    EXPECT_EQ(role_named(role_name(r)), r);
  EXPECT_EQ(scale_named("grön/gul/röd")->name, "Grön/Gul/Röd");
  EXPECT_EQ(scale_named("Blå"), nullptr);
}

}  // namespace
}  // namespace uppsikt::importer
