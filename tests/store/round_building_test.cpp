// What a coordinator builds, written and read back on every backend: a round's settings, whom
// each question asks, edits and removals of questions and units, document editions and the
// units responsible for an item, and the answer marks a status board counts.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

class RoundBuildingTest : public testing::BackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, RoundBuildingTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(RoundBuildingTest, RoundSettingsRoundTripAndUpdate) {
  auto tx = store_->begin();
  const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::fullmaktige});
  Round round{.name = "Uppföljning 2025", .year = 2025, .deadline = "2025-11-30",
              .opens_on = "2025-10-01", .instructions = "Svara senast i november.", .unit_id = city};
  round.id = tx->add_round(round);
  tx->commit();

  auto read = store_->begin_read();
  auto stored = read->round(round.id).value();
  EXPECT_EQ(stored.opens_on, "2025-10-01");
  EXPECT_EQ(stored.instructions, "Svara senast i november.");
  EXPECT_EQ(stored.unit_id, city);
  read.reset();

  round.status = RoundStatus::open;
  round.name = "Uppföljning 2025 (ny)";
  round.opens_on = "";
  round.unit_id.reset();
  auto write = store_->begin();
  write->update_round(round);
  write->commit();
  stored = store_->begin_read()->round(round.id).value();
  EXPECT_EQ(stored.status, RoundStatus::open);
  EXPECT_EQ(stored.name, "Uppföljning 2025 (ny)");
  EXPECT_EQ(stored.opens_on, "");
  EXPECT_FALSE(stored.unit_id);
}

TEST_P(RoundBuildingTest, QuestionAudienceRoundTripsAndQuestionsUpdateAndGo) {
  auto tx = store_->begin();
  const Id a = tx->add_unit(Unit{.name = "Kulturnämnden", .kind = UnitKind::namnd});
  const Id b = tx->add_unit(Unit{.name = "Göteborgs Hamn AB", .kind = UnitKind::bolag});
  const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  const Id round = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
  Question q{.round_id = round, .position = 1, .text = "Fråga", .audience = "samtliga nämnder",
             .audience_kinds = {UnitKind::namnd, UnitKind::styrelse}, .audience_units = {b},
             .scale_id = scale};
  q.id = tx->add_question(q);
  const Id other = tx->add_question(Question{.round_id = round, .position = 2, .text = "Andra", .scale_id = scale});
  tx->commit();

  auto read = store_->begin_read();
  auto stored = read->question(q.id).value();
  EXPECT_EQ(stored.audience_kinds, (std::vector<UnitKind>{UnitKind::namnd, UnitKind::styrelse}));
  EXPECT_EQ(stored.audience_units, std::vector<Id>{b});
  const auto all = read->questions(round);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].audience_units, std::vector<Id>{b});
  EXPECT_TRUE(all[1].audience_kinds.empty());
  EXPECT_TRUE(all[1].audience_units.empty());
  EXPECT_FALSE(read->question(999999));
  read.reset();

  q.text = "Ändrad fråga";
  q.position = 3;
  q.audience_kinds = {};
  q.audience_units = {a, b};
  q.comment_rule = CommentRule::required;
  auto write = store_->begin();
  write->update_question(q);
  write->delete_question(other);
  write->commit();
  read = store_->begin_read();
  const auto after = read->questions(round);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].text, "Ändrad fråga");
  EXPECT_EQ(after[0].position, 3);
  EXPECT_EQ(after[0].comment_rule, CommentRule::required);
  EXPECT_TRUE(after[0].audience_kinds.empty());
  EXPECT_EQ(after[0].audience_units, (std::vector<Id>{a, b}));
}

// The status board's counts: questions put to only some units are named apart (the service
// checks them against the unit), and the latest change is the latest of any answer.
TEST_P(RoundBuildingTest, TalliesNameAnswersToQuestionsWithAnAudienceApart) {
  auto tx = store_->begin();
  const Id unit = tx->add_unit(Unit{.name = "Kulturnämnden", .kind = UnitKind::namnd});
  const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  const Id round = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
  const Id to_all = tx->add_question(Question{.round_id = round, .text = "Alla", .scale_id = scale});
  const Id to_kind = tx->add_question(
      Question{.round_id = round, .text = "Nämnder", .audience_kinds = {UnitKind::namnd}, .scale_id = scale});
  const Id to_unit =
      tx->add_question(Question{.round_id = round, .text = "En", .audience_units = {unit}, .scale_id = scale});
  const Id other_round = tx->add_round(Round{.name = "Uppföljning 2024", .year = 2024});
  const Id earlier = tx->add_question(Question{.round_id = other_round, .text = "Förr", .scale_id = scale});
  const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit});
  const Id earlier_response = tx->add_response(Response{.round_id = other_round, .unit_id = unit});
  tx->save_answer(Answer{.response_id = response, .question_id = to_all, .choice = "Ja",
                         .changed_by = "anna@example.se", .changed_at = "2025-10-02T08:00:00Z"}, 0);
  tx->save_answer(Answer{.response_id = response, .question_id = to_unit, .choice = "Nej",
                         .changed_by = "bo@example.se", .changed_at = "2025-10-03T09:00:00Z"}, 0);
  tx->save_answer(Answer{.response_id = response, .question_id = to_kind, .choice = "Ja",
                         .changed_by = "cilla@example.se", .changed_at = "2025-10-01T07:00:00Z"}, 0);
  tx->save_answer(Answer{.response_id = earlier_response, .question_id = earlier, .choice = "Ja",
                         .changed_by = "dan@example.se", .changed_at = "2025-12-01T07:00:00Z"}, 0);
  tx->commit();

  const auto tallies = store_->begin_read()->answer_tallies(round);
  ASSERT_EQ(tallies.size(), 1u);  // the earlier round's answer is not counted
  EXPECT_EQ(tallies[0].answered_by_all, 1);
  EXPECT_EQ(tallies[0].answered_limited, (std::vector<Id>{to_kind, to_unit}));
  EXPECT_EQ(tallies[0].last_changed_at, "2025-10-03T09:00:00Z");
  EXPECT_EQ(tallies[0].last_changed_by, "bo@example.se");
}

// Answers read in (imports, the demo) come in any order; the board shows the latest change.
TEST_P(RoundBuildingTest, TalliesShowTheLatestChangeOfAnswersAddedTogether) {
  auto tx = store_->begin();
  const Id unit = tx->add_unit(Unit{.name = "Kulturnämnden"});
  const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  const Id round = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
  const Id first = tx->add_question(Question{.round_id = round, .text = "Första", .scale_id = scale});
  const Id second = tx->add_question(Question{.round_id = round, .text = "Andra", .scale_id = scale});
  const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit});
  tx->add_answers({Answer{.response_id = response, .question_id = first, .choice = "Ja",
                          .changed_by = "bo@example.se", .changed_at = "2025-10-03T09:00:00Z"},
                   Answer{.response_id = response, .question_id = second, .choice = "Nej",
                          .changed_by = "anna@example.se", .changed_at = "2025-10-02T08:00:00Z"}});
  tx->commit();

  const auto tallies = store_->begin_read()->answer_tallies(round);
  ASSERT_EQ(tallies.size(), 1u);
  EXPECT_EQ(tallies[0].answered_by_all, 2);
  EXPECT_EQ(tallies[0].last_changed_by, "bo@example.se");
  EXPECT_EQ(tallies[0].last_changed_at, "2025-10-03T09:00:00Z");
}

TEST_P(RoundBuildingTest, AnsweredQuestionsAndResponsesCannotBeRemoved) {
  auto tx = store_->begin();
  const Id unit = tx->add_unit(Unit{.name = "Kulturnämnden"});
  const Id other_unit = tx->add_unit(Unit{.name = "Idrottsnämnden"});
  const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  const Id round = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
  const Id question = tx->add_question(Question{.round_id = round, .text = "Fråga", .scale_id = scale});
  const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit});
  const Id unanswered = tx->add_response(Response{.round_id = round, .unit_id = other_unit});
  tx->save_answer(Answer{.response_id = response, .question_id = question, .choice = "Ja",
                         .changed_by = "anna@example.se", .changed_at = "2025-10-02T08:00:00Z"}, 0);
  tx->save_answer(Answer{.response_id = unanswered, .question_id = question}, 0);
  tx->commit();

  const auto tallies = store_->begin_read()->answer_tallies(round);
  ASSERT_EQ(tallies.size(), 1u);  // the answer without a choice counts for nothing
  EXPECT_EQ(tallies[0].response_id, response);
  EXPECT_EQ(tallies[0].answered_by_all, 1);
  EXPECT_EQ(tallies[0].last_changed_by, "anna@example.se");
  EXPECT_EQ(tallies[0].last_changed_at, "2025-10-02T08:00:00Z");

  auto write = store_->begin();
  EXPECT_THROW(write->delete_question(question), StoreError);
  write.reset();
  write = store_->begin();
  EXPECT_THROW(write->delete_response(response), StoreError);
  write.reset();
  write = store_->begin();
  const Id empty = write->add_unit(Unit{.name = "Nämnden utan svar"});
  const Id leaving = write->add_response(Response{.round_id = round, .unit_id = empty});
  write->delete_response(leaving);
  write->commit();
  EXPECT_FALSE(store_->begin_read()->response(leaving));
  EXPECT_EQ(store_->begin_read()->responses(round).size(), 2u);
}

TEST_P(RoundBuildingTest, DocumentEditionsAndResponsibleUnits) {
  auto tx = store_->begin();
  const Id unit = tx->add_unit(Unit{.name = "Kulturnämnden"});
  const Id other = tx->add_unit(Unit{.name = "Idrottsnämnden"});
  Document first{.title = "Program", .period = "2022–2026"};
  first.id = tx->add_document(first);
  const Id area = tx->add_node(Node{.document_id = first.id, .title = "Målområde 1"});
  Node item{.document_id = first.id, .parent_id = area, .kind = NodeKind::item, .number = "1:1",
            .title = "Insats", .responsible_units = {unit}};
  item.id = tx->add_node(item);
  const Id second = tx->add_document(Document{.title = "Program", .period = "2027–2030",
                                              .previous_id = first.id, .edition = 2});
  tx->commit();

  auto read = store_->begin_read();
  EXPECT_EQ(read->document(second)->previous_id, first.id);
  EXPECT_EQ(read->document(second)->edition, 2);
  EXPECT_FALSE(read->document(first.id)->previous_id);
  EXPECT_EQ(read->document(first.id)->edition, 1);
  EXPECT_EQ(read->node(item.id)->responsible_units, std::vector<Id>{unit});
  EXPECT_EQ(read->nodes(first.id).at(1).responsible_units, std::vector<Id>{unit});
  EXPECT_TRUE(read->nodes(first.id).at(0).responsible_units.empty());
  read.reset();

  first.title = "Trygghetsprogram";
  first.decided_on = "2022-05-12";
  item.title = "Ny insats";
  item.position = 4;
  item.responsible_units = {other};
  auto write = store_->begin();
  write->update_document(first);
  write->update_node(item);
  write->commit();
  read = store_->begin_read();
  EXPECT_EQ(read->document(first.id)->title, "Trygghetsprogram");
  EXPECT_EQ(read->document(first.id)->decided_on, "2022-05-12");
  EXPECT_EQ(read->node(item.id)->title, "Ny insats");
  EXPECT_EQ(read->node(item.id)->position, 4);
  EXPECT_EQ(read->node(item.id)->responsible_units, std::vector<Id>{other});
}

}  // namespace
}  // namespace uppsikt::store
