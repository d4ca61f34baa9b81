// What answering needs of the store: a round's approval setting, a response's hand-in and
// edition, its history, the answers kept as handed in, and first answers that never
// overwrite each other.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

class ResponseHistoryTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id unit = tx->add_unit(Unit{.name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
    round_ = tx->add_round(Round{.name = "Uppföljning 2024", .year = 2024, .requires_approval = true});
    const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
    question_ = tx->add_question(Question{.round_id = round_, .text = "Fråga", .scale_id = scale});
    response_ = tx->add_response(Response{.round_id = round_, .unit_id = unit});
    user_ = tx->add_user(User{.email = "anna@example.se", .name = "Anna Andersson",
                              .password_hash = "$argon2id$x", .created_at = "2024-01-01T00:00:00Z"});
    tx->commit();
  }

  Answer answer(std::string choice) const {
    return Answer{.response_id = response_, .question_id = question_, .choice = std::move(choice),
                  .changed_by = "Anna Andersson", .changed_at = "2024-05-01T10:00:00Z"};
  }

  Id round_ = 0, question_ = 0, response_ = 0, user_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, ResponseHistoryTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(ResponseHistoryTest, RoundKeepsWhetherItNeedsApproval) {
  auto tx = store_->begin();
  const Id plain = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
  EXPECT_TRUE(tx->round(round_)->requires_approval);
  EXPECT_FALSE(tx->round(plain)->requires_approval);
  EXPECT_TRUE(tx->round_by_name("Uppföljning 2024")->requires_approval);
}

TEST_P(ResponseHistoryTest, NewResponseIsEditionOneAndNotHandedIn) {
  auto tx = store_->begin_read();
  const auto r = tx->response(response_);
  EXPECT_EQ(r->edition, 1);
  EXPECT_EQ(r->handed_in_at, "");
  EXPECT_FALSE(r->handed_in_by);
  EXPECT_FALSE(r->reopened);
}

TEST_P(ResponseHistoryTest, UpdateResponseKeepsHandInAndChecksVersion) {
  auto tx = store_->begin();
  auto r = *tx->response(response_);
  r.status = ResponseStatus::submitted;
  r.handed_in_at = "2024-05-02T08:00:00Z";
  r.handed_in_by = user_;
  r.edition = 2;
  r.reopened = true;
  r.updated_at = "2024-05-02T08:00:00Z";
  tx->update_response(r, r.version);
  const auto stored = tx->response(response_);
  EXPECT_EQ(stored->status, ResponseStatus::submitted);
  EXPECT_EQ(stored->handed_in_at, "2024-05-02T08:00:00Z");
  EXPECT_EQ(stored->handed_in_by, user_);
  EXPECT_EQ(stored->edition, 2);
  EXPECT_TRUE(stored->reopened);
  EXPECT_EQ(stored->version, r.version + 1);
  EXPECT_THROW(tx->update_response(r, r.version), ConflictError);  // based on the old version
}

TEST_P(ResponseHistoryTest, TouchChangesOnlyAResponseStillInTheStatusSeen) {
  auto tx = store_->begin();
  const int version = tx->response(response_)->version;
  EXPECT_TRUE(tx->touch_response(response_, ResponseStatus::not_started, ResponseStatus::draft,
                                 "2024-05-01T10:00:00Z"));
  auto r = tx->response(response_);
  EXPECT_EQ(r->status, ResponseStatus::draft);
  EXPECT_EQ(r->updated_at, "2024-05-01T10:00:00Z");
  EXPECT_EQ(r->version, version);  // answers to other questions must not conflict
  EXPECT_FALSE(tx->touch_response(response_, ResponseStatus::not_started, ResponseStatus::draft, "later"));
  EXPECT_EQ(tx->response(response_)->updated_at, "2024-05-01T10:00:00Z");
}

TEST_P(ResponseHistoryTest, SecondFirstAnswerIsAConflictNotAnOverwrite) {
  auto tx = store_->begin();
  tx->save_answer(answer("Ja"), 0);  // Anna saw no answer
  EXPECT_THROW(tx->save_answer(answer("Nej"), 0), ConflictError);  // nor did Bertil
  const auto stored = tx->answers(response_);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].choice, "Ja");
  EXPECT_EQ(stored[0].version, 1);
  tx->save_answer(answer("Nej"), 1);  // based on what Anna saved
  EXPECT_EQ(tx->answers(response_)[0].version, 2);
}

TEST_P(ResponseHistoryTest, FirstAnswersFromTwoTransactionsConflict) {
  {
    auto tx = store_->begin();
    tx->save_answer(answer("Ja"), 0);
    tx->commit();
  }
  auto tx = store_->begin();
  EXPECT_THROW(tx->save_answer(answer("Nej"), 0), ConflictError);
}

TEST_P(ResponseHistoryTest, EventsComeBackInOrderWithWhoAndMessage) {
  auto tx = store_->begin();
  tx->add_response_event(ResponseEvent{.response_id = response_, .kind = ResponseEventKind::handed_in,
                                       .edition = 1, .user_id = user_, .at = "2024-05-02T08:00:00Z",
                                       .late = true});
  tx->add_response_event(ResponseEvent{.response_id = response_, .kind = ResponseEventKind::sent_back,
                                       .edition = 1, .user_id = std::nullopt, .at = "2024-05-03T08:00:00Z",
                                       .message = "Komplettera fråga 2."});
  tx->commit();
  auto read = store_->begin_read();
  const auto events = read->response_events(response_);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, ResponseEventKind::handed_in);
  EXPECT_EQ(events[0].user_id, user_);
  EXPECT_EQ(events[0].user_name, "Anna Andersson");
  EXPECT_TRUE(events[0].late);
  EXPECT_EQ(events[1].kind, ResponseEventKind::sent_back);
  EXPECT_EQ(events[1].user_name, "");
  EXPECT_EQ(events[1].message, "Komplettera fråga 2.");
  EXPECT_FALSE(events[1].late);
  EXPECT_TRUE(read->response_events(response_ + 100).empty());
}

TEST_P(ResponseHistoryTest, HandedInAnswersStayAsTheyWereAfterLaterChanges) {
  auto tx = store_->begin();
  tx->save_answer(answer("Nej"), 0);
  tx->keep_handed_in_answers(response_, 1);
  tx->save_answer(answer("Ja"), 1);
  tx->keep_handed_in_answers(response_, 2);
  const auto first = tx->handed_in_answers(response_, 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].question_id, question_);
  EXPECT_EQ(first[0].choice, "Nej");
  EXPECT_EQ(first[0].changed_by, "Anna Andersson");
  EXPECT_EQ(tx->handed_in_answers(response_, 2)[0].choice, "Ja");
  EXPECT_TRUE(tx->handed_in_answers(response_, 3).empty());
}

}  // namespace
}  // namespace uppsikt::store
