// A round's answers read a page at a time, as the API streams them: every answer of the round
// once, in order of response and question, none of another round's, whatever the page size and
// however the two rounds' responses and answers were made in between each other.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

class RoundAnswersPageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
    for (Id* round : {&round_, &other_round_}) {
      *round = tx->add_round(Round{.name = "Omgång " + std::to_string(round == &round_), .year = 2024});
      for (int q = 0; q < 3; ++q)
        tx->add_question(Question{.round_id = *round, .text = "Fråga " + std::to_string(q), .scale_id = scale});
    }
    // Units answering both rounds, their responses made alternately, answered last question first.
    for (int u = 0; u < 4; ++u) {
      const Id unit = tx->add_unit(Unit{.name = "Nämnd " + std::to_string(u), .kind = UnitKind::namnd});
      for (Id round : {round_, other_round_}) {
        const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit});
        const auto questions = tx->questions(round);
        for (auto q = questions.rbegin(); q != questions.rend(); ++q) {
          if (round == round_ && u == 2 && q == questions.rbegin()) continue;  // one left unanswered
          tx->save_answer(Answer{.response_id = response, .question_id = q->id, .choice = "Ja",
                                 .changed_by = "Anna", .changed_at = "2024-05-01T10:00:00Z"}, 0);
          if (round == round_) expected_.emplace_back(response, q->id);
        }
      }
    }
    tx->commit();
    std::sort(expected_.begin(), expected_.end());
  }

  Id round_ = 0, other_round_ = 0;
  std::vector<std::pair<Id, Id>> expected_;  // (response, question) of round_'s answers, in order
};

INSTANTIATE_TEST_SUITE_P(Backends, RoundAnswersPageTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(RoundAnswersPageTest, EveryAnswerOfTheRoundOnceInOrderWhateverThePageSize) {
  ASSERT_EQ(expected_.size(), 11u);
  for (int page_size : {1, 2, 3, 5, 11, 100}) {
    std::vector<std::pair<Id, Id>> seen;
    Id after_response = 0, after_question = 0;
    for (int pages = 0; pages < 20; ++pages) {
      auto page = store_->begin_read()->round_answers_page(round_, after_response, after_question, page_size);
      for (const auto& row : page) seen.emplace_back(row.answer.response_id, row.answer.question_id);
      if (static_cast<int>(page.size()) < page_size) break;
      after_response = page.back().answer.response_id;
      after_question = page.back().answer.question_id;
    }
    EXPECT_EQ(seen, expected_) << "pages of " << page_size;
  }
}

}  // namespace
}  // namespace uppsikt::store
