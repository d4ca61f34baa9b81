// Correcting a round after it is built, at the service, on every backend: one unit's later
// deadline (on the board, in Mina uppföljningar, for late hand-ins), a unit added to an open
// round, a question's wording corrected while open (kept, shown to those who answer), a draft
// deleted with nothing left behind, a closed round archived and back. Each refused change
// writes nothing; a foreign coordinator sees no round.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "service/answering.h"
#include "service/answering_view.h"
#include "service/my_followups.h"
#include "service/overview.h"
#include "service/round_admin.h"
#include "service/round_corrections.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;

class RoundCorrectionsTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    city_ = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    culture_ = tx->add_unit(Unit{.parent_id = city_, .name = "Kulturnämnden", .kind = UnitKind::namnd});
    sport_ = tx->add_unit(Unit{.parent_id = city_, .name = "Idrottsnämnden", .kind = UnitKind::namnd});
    harbour_ = tx->add_unit(Unit{.parent_id = city_, .name = "Hamnbolaget AB", .kind = UnitKind::bolag});
    const Id other_city = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
    foreign_ = tx->add_unit(Unit{.parent_id = other_city, .name = "Grannstadens nämnd", .kind = UnitKind::namnd});
    const Id doc = tx->add_document(Document{.title = "Trygghetsprogram", .position = 1});
    item_ = tx->add_node(Node{.document_id = doc, .kind = NodeKind::item, .number = "1", .title = "samverkan"});
    tx->add_scale(Scale{.name = "Standard", .options = standard_options()});
    coordinator_ = person(*tx, "sam@staden.se", Role::coordinator, city_);
    neighbour_ = person(*tx, "nina@grannstaden.se", Role::coordinator, other_city);
    respondent_ = person(*tx, "anna@kultur.se", Role::respondent, culture_);
    tx->commit();
  }
  static Viewer person(store::Tx& tx, const std::string& email, Role role, Id unit) {
    const Id id = tx.add_user(User{.email = email, .name = email, .password_hash = "x"});
    tx.add_grant(Grant{id, role, unit});
    return Viewer{.user_id = id, .name = email, .email = email, .grants = {{id, role, unit}}};
  }

  // A round of Kulturnämnden and Idrottsnämnden with one question; open unless asked not to.
  Id new_round(bool open = true, std::string deadline = "2025-11-30") {
    auto made = create_round(*store_, coordinator_,
                             RoundSettings{.name = "Uppföljning 2025 nr " + std::to_string(++rounds_), .year = 2025, .deadline = std::move(deadline)},
                             {culture_, sport_}, {item_});
    EXPECT_TRUE(made.ok());
    if (open) {
      EXPECT_TRUE(open_round(*store_, coordinator_, made.id, Confirmed::yes).ok());
    }
    return made.id;
  }
  std::size_t audits(const std::string& action) {
    auto all = store_->begin_read()->audit_entries({});
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const auto& e) { return e.action == action; }));
  }
  static std::string first_error(const Outcome& o) { return o.errors.empty() ? "" : o.errors[0].message; }

  int rounds_ = 0;
  Id city_ = 0, culture_ = 0, sport_ = 0, harbour_ = 0, foreign_ = 0, item_ = 0;
  Viewer coordinator_, neighbour_, respondent_;
};

INSTANTIATE_TEST_SUITE_P(Backends, RoundCorrectionsTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(RoundCorrectionsTest, AUnitGivenALaterDeadlineSeesItOnTheBoardInItsTasksAndHandsInOnTime) {
  const Id round = new_round();  // its deadline, 2025-11-30, has passed
  auto extended = extend_deadline(*store_, coordinator_, round, culture_, "2099-12-31");
  ASSERT_TRUE(extended.ok()) << first_error(extended);
  EXPECT_EQ(audits("deadline_extend"), 1u);

  auto board = round_view(*store_, coordinator_, round, UnitSort::name, false);
  ASSERT_TRUE(board);
  for (const auto& row : board->units) EXPECT_EQ(row.deadline, row.unit.id == culture_ ? "2099-12-31" : "");
  auto mine = my_followups(*store_, respondent_);
  ASSERT_EQ(mine.tasks.size(), 1u);
  EXPECT_EQ(mine.tasks[0].deadline, "2099-12-31");
  EXPECT_TRUE(mine.tasks[0].deadline_extended);
  auto view = answering_view(*store_, respondent_, round, culture_);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->late);

  // The hand-in before the unit's own deadline is not late.
  const Id question = store_->begin_read()->questions(round)[0].id;
  ASSERT_TRUE(save_answer(*store_, respondent_, round, culture_, AnswerInput{question, "Ja", "", 0}).ok());
  ASSERT_TRUE(hand_in(*store_, respondent_, round, culture_).ok());
  auto tx = store_->begin_read();
  auto events = tx->response_events(tx->response_of(round, culture_)->id);
  ASSERT_FALSE(events.empty());
  EXPECT_FALSE(events.back().late);
}

TEST_P(RoundCorrectionsTest, ADeadlineExtensionIsRefusedWhenItIsNoExtension) {
  const Id round = new_round();
  EXPECT_EQ(extend_deadline(*store_, coordinator_, round, culture_, "2025-11-01").errors.at(0).field, "forlang-datum");
  EXPECT_EQ(extend_deadline(*store_, coordinator_, round, culture_, "31/12").errors.at(0).field, "forlang-datum");
  EXPECT_EQ(extend_deadline(*store_, coordinator_, round, harbour_, "2099-12-31").errors.at(0).field, "forlang-enhet");
  EXPECT_EQ(extend_deadline(*store_, neighbour_, round, culture_, "2099-12-31").kind, Outcome::Kind::not_found);
  EXPECT_EQ(extend_deadline(*store_, coordinator_, new_round(false, ""), culture_, "2099-12-31").errors.at(0).field,
            "status");
  EXPECT_EQ(store_->begin_read()->response_of(round, culture_)->deadline, "");
  EXPECT_EQ(audits("deadline_extend"), 0u);
  // An empty date takes the unit back to the round's deadline.
  ASSERT_TRUE(extend_deadline(*store_, coordinator_, round, culture_, "2099-12-31").ok());
  ASSERT_TRUE(extend_deadline(*store_, coordinator_, round, culture_, "").ok());
  EXPECT_EQ(store_->begin_read()->response_of(round, culture_)->deadline, "");
}

TEST_P(RoundCorrectionsTest, AUnitJoinsAnOpenRoundOnceAndOnlyFromTheCoordinatorsUnits) {
  const Id round = new_round();
  auto added = add_round_unit(*store_, coordinator_, round, harbour_);
  ASSERT_TRUE(added.ok()) << first_error(added);
  EXPECT_TRUE(store_->begin_read()->response_of(round, harbour_));
  EXPECT_EQ(audits("round_unit_add"), 1u);
  EXPECT_EQ(first_error(add_round_unit(*store_, coordinator_, round, harbour_)), "Hamnbolaget AB deltar redan i omgången");
  EXPECT_EQ(add_round_unit(*store_, coordinator_, round, foreign_).errors.at(0).field, "ny-enhet");
  EXPECT_EQ(add_round_unit(*store_, neighbour_, round, foreign_).kind, Outcome::Kind::not_found);
  ASSERT_TRUE(close_round(*store_, coordinator_, round, Confirmed::yes).ok());
  auto tx = store_->begin();
  const Id late_unit = tx->add_unit(Unit{.parent_id = city_, .name = "Nya nämnden", .kind = UnitKind::namnd});
  tx->commit();
  EXPECT_EQ(add_round_unit(*store_, coordinator_, round, late_unit).errors.at(0).field, "status");
  EXPECT_EQ(store_->begin_read()->responses(round).size(), 3u);
}

TEST_P(RoundCorrectionsTest, AQuestionsWordingIsCorrectedWhileOpenAndTheChangeIsShownToThoseWhoAnswer) {
  const Id round = new_round();
  const auto before = store_->begin_read()->questions(round)[0];
  auto reworded = reword_question(*store_, coordinator_, round, before.id, "Har ni  arbetat med samverkan i år?");
  ASSERT_TRUE(reworded.ok()) << first_error(reworded);
  EXPECT_EQ(store_->begin_read()->question(before.id)->text, "Har ni arbetat med samverkan i år?");
  EXPECT_EQ(audits("question_reword"), 1u);

  auto view = answering_view(*store_, respondent_, round, culture_);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->changes[before.id].size(), 1u);
  EXPECT_EQ(view->changes[before.id][0].before, before.text);
  EXPECT_EQ(view->changes[before.id][0].after, "Har ni arbetat med samverkan i år?");

  EXPECT_EQ(reword_question(*store_, coordinator_, round, before.id, "  ").errors.at(0).field, "fraga");
  EXPECT_EQ(reword_question(*store_, neighbour_, round, before.id, "Annan").kind, Outcome::Kind::not_found);
  const Id draft = new_round(false);
  EXPECT_EQ(reword_question(*store_, coordinator_, draft, store_->begin_read()->questions(draft)[0].id, "Annan")
                .errors.at(0).field,
            "status");
  EXPECT_EQ(store_->begin_read()->question_changes(round).size(), 1u);
}

TEST_P(RoundCorrectionsTest, ADraftIsDeletedOnlyWhenConfirmedAndLeavesNothingBehind) {
  const Id draft = new_round(false);
  {
    auto tx = store_->begin();  // an imported answer in the draft
    tx->save_answer(Answer{.response_id = tx->response_of(draft, culture_)->id,
                           .question_id = tx->questions(draft)[0].id, .choice = "Ja"}, 0);
    tx->commit();
  }
  auto asked = delete_draft_round(*store_, coordinator_, draft, Confirmed::no);
  EXPECT_EQ(asked.kind, Outcome::Kind::unconfirmed);
  ASSERT_FALSE(asked.consequences.empty());
  EXPECT_THAT(asked.consequences[0], HasSubstr("1 fråga och 2 enheter")) << asked.consequences[0];
  EXPECT_TRUE(store_->begin_read()->round(draft));

  EXPECT_EQ(delete_draft_round(*store_, neighbour_, draft, Confirmed::yes).kind, Outcome::Kind::not_found);
  EXPECT_EQ(delete_draft_round(*store_, respondent_, draft, Confirmed::yes).kind, Outcome::Kind::not_found);
  const Id open = new_round(true, "");
  EXPECT_EQ(delete_draft_round(*store_, coordinator_, open, Confirmed::yes).errors.at(0).field, "status");

  ASSERT_TRUE(delete_draft_round(*store_, coordinator_, draft, Confirmed::yes).ok());
  auto tx = store_->begin_read();
  EXPECT_FALSE(tx->round(draft));
  EXPECT_TRUE(tx->questions(draft).empty());
  EXPECT_TRUE(tx->responses(draft).empty());
  EXPECT_TRUE(tx->round(open));
  EXPECT_EQ(audits("round_delete"), 1u);
}

TEST_P(RoundCorrectionsTest, AClosedRoundIsArchivedAndBroughtBack) {
  const Id round = new_round();
  EXPECT_EQ(archive_round(*store_, coordinator_, round, true).errors.at(0).field, "status");
  ASSERT_TRUE(close_round(*store_, coordinator_, round, Confirmed::yes).ok());
  EXPECT_EQ(archive_round(*store_, neighbour_, round, true).kind, Outcome::Kind::not_found);
  ASSERT_TRUE(archive_round(*store_, coordinator_, round, true).ok());
  EXPECT_TRUE(store_->begin_read()->round(round)->archived);
  EXPECT_EQ(audits("round_archive"), 1u);
  ASSERT_TRUE(archive_round(*store_, coordinator_, round, false).ok());
  EXPECT_FALSE(store_->begin_read()->round(round)->archived);
  EXPECT_EQ(audits("round_unarchive"), 1u);
}

}  // namespace
}  // namespace uppsikt::service
