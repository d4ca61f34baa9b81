// Single-line rules whose mistakes would move text to the wrong place in an import.
#include "importer/line_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace uppsikt::importer {
namespace {

using testing::ElementsAre;
using testing::Optional;

TEST(ImporterLineRules, HeadingNeedsNumberSpaceAndCapitalTitle) {
  const auto heading = parse_heading_line(" 1.2.3 Målområde 5: Minska möjligheten");
  ASSERT_TRUE(heading);
  EXPECT_THAT(heading->number, ElementsAre(1, 2, 3));
  EXPECT_EQ(heading->title, "Målområde 5: Minska möjligheten");
  EXPECT_TRUE(parse_heading_line("2 Göteborgs Stads"));
  EXPECT_TRUE(parse_heading_line("1.1 Övrigt"));  // a capital beyond ASCII
  EXPECT_FALSE(parse_heading_line("2 gånger per år"));
  EXPECT_FALSE(parse_heading_line("2023. Rapporterna"));
  EXPECT_FALSE(parse_heading_line("1:1 Samtliga nämnder"));
  EXPECT_FALSE(parse_heading_line("2022-2026"));
  EXPECT_FALSE(parse_heading_line("1.2.3.4.5 För djupt"));
}

TEST(ImporterLineRules, PlausibleNextSection) {
  EXPECT_TRUE(plausible_next_section({}, {1}));
  EXPECT_TRUE(plausible_next_section({1}, {1, 1}));
  EXPECT_TRUE(plausible_next_section({1, 1, 2}, {1, 2}));
  EXPECT_TRUE(plausible_next_section({1, 2, 3}, {2}));
  EXPECT_TRUE(plausible_next_section({2, 1}, {2, 3}));  // a section without questions left out
  EXPECT_FALSE(plausible_next_section({3, 1}, {1, 2}));  // backwards: a reference "1.2"
  EXPECT_FALSE(plausible_next_section({1}, {2023}));      // a year
  EXPECT_FALSE(plausible_next_section({1}, {1, 1, 1}));   // skips a level
}

TEST(ImporterLineRules, ReferenceStarts) {
  EXPECT_TRUE(is_reference_start("Strategi 1:1 Göteborgs stads"));
  EXPECT_TRUE(is_reference_start("Genomförs aktiviteter i enlighet med"));
  EXPECT_TRUE(is_reference_start("1:1 Samtliga nämnder"));
  EXPECT_TRUE(is_reference_start("1.2 Utveckla lokala kompetens team."));
  EXPECT_FALSE(is_reference_start("Strategin är bra"));
  EXPECT_FALSE(is_reference_start("2023. Rapporterna"));
  EXPECT_FALSE(is_reference_start("Vi arbetar 1:1 med brukare"));
}

TEST(ImporterLineRules, ReferenceNumber) {
  EXPECT_THAT(find_reference_number("Strategi 2:3 Göteborgs stad"), Optional(std::string("2:3")));
  EXPECT_THAT(find_reference_number("målet med insats 4:6."), Optional(std::string("4:6")));
  EXPECT_THAT(find_reference_number("1.2 Utveckla"), Optional(std::string("1.2")));
  EXPECT_EQ(find_reference_number("Inget nummer här, 2022-2026"), std::nullopt);
}

TEST(ImporterLineRules, AnswerOptionIsTheWholeLine) {
  EXPECT_THAT(answer_option("  JA "), Optional(std::string("Ja")));
  EXPECT_THAT(answer_option("Ej  aktuellt"), Optional(std::string("Ej aktuellt")));
  EXPECT_EQ(answer_option("Ja, genom att"), std::nullopt);
}

TEST(ImporterLineRules, TableHeaderAndBlankLines) {
  EXPECT_TRUE(is_table_header("Uppföljningsfrågor Svarsalternativ med kommentar "));
  EXPECT_TRUE(is_table_header("UPPFÖLJNINGSFRÅGOR  SVARSALTERNATIV MED KOMMENTAR"));
  EXPECT_FALSE(is_table_header("Uppföljningsfrågor om annat"));
  EXPECT_TRUE(is_blank(" \t\f"));
}

TEST(ImporterLineRules, FormFeedSplitsLinesButKeepsNumbers) {
  const auto lines = source_lines("a\n\fb\nc\fd\n\f\n");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].text, "a");
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[1].text, "b");
  EXPECT_EQ(lines[2].text, "c");
  EXPECT_EQ(lines[3].text, "d");
  EXPECT_EQ(lines[3].number, 3);
  EXPECT_EQ(lines[4].number, 4);
  EXPECT_TRUE(lines[4].text.empty());
}

}  // namespace
}  // namespace uppsikt::importer
