// The demo city and the saving of an imported follow-up, on a real database of every backend.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "importer/text_importer.h"
#include "service/demo.h"
#include "service/followup_import.h"
#include "service/overview.h"
#include "service/response_view.h"
#include "support/backends.h"
#include "support/fixture.h"

namespace uppsikt::service {
namespace {

class DemoTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    build_demo(*store_, testing::seed_followup());
  }
  Id round_named(const std::string& name) {
    auto tx = store_->begin();
    return tx->round_by_name(name)->id;
  }
  Id unit_named(const std::string& name) {
    auto tx = store_->begin();
    return tx->unit_by_name(name)->id;
  }

};

INSTANTIATE_TEST_SUITE_P(Backends, DemoTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(DemoTest, HasTwoRoundsOfEighteenQuestions) {
  auto rounds = round_summaries(*store_);
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0].round.name, "Uppföljning 2024");  // newest first
  EXPECT_EQ(rounds[1].round.name, "Uppföljning 2023");
  EXPECT_EQ(rounds[0].questions, 18);
  EXPECT_EQ(rounds[1].questions, 18);
  EXPECT_GE(rounds[0].progress.total, 20);
}

TEST_P(DemoTest, MiljoforvaltningenAnswersAreTheSeedFollowUp) {
  auto seed = importer::parse_text(testing::seed_followup());
  auto view = response_view(*store_, round_named("Uppföljning 2024"), unit_named("Miljöförvaltningen"));
  ASSERT_TRUE(view.has_value());
  ASSERT_TRUE(view->parent.has_value());
  EXPECT_EQ(view->parent->name, "Miljö- och klimatnämnden");
  EXPECT_EQ(view->answered, 18);

  std::vector<AnsweredQuestion> shown;
  for (const auto& block : view->blocks)
    for (const auto& q : block.questions) shown.push_back(q);
  ASSERT_EQ(shown.size(), seed.questions.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    SCOPED_TRACE(seed.questions[i].text);
    EXPECT_EQ(shown[i].question.text, seed.questions[i].text);
    ASSERT_TRUE(shown[i].answer.has_value());
    EXPECT_EQ(shown[i].answer->choice, seed.questions[i].answer.value_or(""));
    EXPECT_EQ(shown[i].answer->comment, seed.questions[i].comment.value_or(""));
    ASSERT_TRUE(shown[i].item.has_value());
    EXPECT_EQ(shown[i].item->expected_result, seed.questions[i].expected_result.value_or(""));
  }
}

TEST_P(DemoTest, ResponseReadsInTheSeedsHeadingOrder) {
  auto view = response_view(*store_, round_named("Uppföljning 2024"), unit_named("Miljöförvaltningen"));
  ASSERT_TRUE(view.has_value());
  std::vector<std::string> numbers;
  for (const auto& b : view->blocks) numbers.push_back(b.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2",
                                               "1.2.3", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1"}));
}

TEST_P(DemoTest, SavingTheSameFollowUpAgainChangesNothing) {
  auto seed = importer::parse_text(testing::seed_followup());
  Id round = round_named("Uppföljning 2024");
  Id unit = unit_named("Miljöförvaltningen");
  auto tx = store_->begin();
  auto counts = save_followup(*tx, seed, ImportTarget{round, unit, "test", ResponseStatus::submitted, std::nullopt});
  EXPECT_EQ(counts.documents_created, 0);
  EXPECT_EQ(counts.nodes_created, 0);
  EXPECT_EQ(counts.questions_created, 0);
  EXPECT_EQ(counts.answers_saved, 0);
  EXPECT_EQ(counts.answers_unchanged, 18);
}

TEST_P(DemoTest, RefusesToFillADatabaseTwice) {
  EXPECT_THROW(build_demo(*store_, testing::seed_followup()), std::runtime_error);
}

TEST_P(DemoTest, RoundViewSortsUnitsBySwedishRules) {
  auto view = round_view(*store_, round_named("Uppföljning 2024"), UnitSort::name, false);
  ASSERT_TRUE(view.has_value());
  std::vector<std::string> names;
  for (const auto& row : view->units) names.push_back(row.unit.name);
  // Ä sorts after all plain letters, so the elderly-care administration comes last.
  EXPECT_EQ(names.back(), "Äldre samt vård- och omsorgsförvaltningen");
  EXPECT_EQ(names.front(), "Bostads AB Poseidon");
}

TEST_P(DemoTest, RoundViewSortsByYesCountDescending) {
  auto view = round_view(*store_, round_named("Uppföljning 2024"), UnitSort::yes, true);
  ASSERT_TRUE(view.has_value());
  for (std::size_t i = 1; i < view->units.size(); ++i) EXPECT_GE(view->units[i - 1].yes, view->units[i].yes);
}

TEST_P(DemoTest, UnknownRoundOrUnitIsNotFound) {
  EXPECT_FALSE(round_view(*store_, 9999, UnitSort::name, false).has_value());
  EXPECT_FALSE(response_view(*store_, round_named("Uppföljning 2024"), 9999).has_value());
  // A unit that exists but does not answer has no response to show.
  EXPECT_FALSE(response_view(*store_, round_named("Uppföljning 2024"), unit_named("Kommunfullmäktige")).has_value());
}

}  // namespace
}  // namespace uppsikt::service
