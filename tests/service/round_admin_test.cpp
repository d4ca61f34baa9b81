// Building and running rounds, at the service, on every backend: who may (a coordinator on the
// round's unit or an admin; anyone else sees nothing and is audited), what is checked (Swedish
// messages per field, nothing written), what status allows what, and what the coordinator then
// follows: answered/required per unit, the units not handed in with their respondents' e-mail
// addresses, and each respondent's "Mina uppföljningar".
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "service/my_followups.h"
#include "service/overview.h"
#include "service/round_admin.h"
#include "service/status_board.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

class RoundAdminTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    city_ = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    culture_ = tx->add_unit(Unit{.parent_id = city_, .name = "Kulturnämnden", .kind = UnitKind::namnd});
    sport_ = tx->add_unit(Unit{.parent_id = city_, .name = "Idrottsnämnden", .kind = UnitKind::namnd});
    harbour_ = tx->add_unit(Unit{.parent_id = city_, .name = "Hamnbolaget AB", .kind = UnitKind::bolag});
    other_city_ = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
    foreign_ = tx->add_unit(Unit{.parent_id = other_city_, .name = "Grannstadens nämnd", .kind = UnitKind::namnd});
    const Id doc = tx->add_document(Document{.title = "Trygghetsprogram", .position = 1});
    const Id area = tx->add_node(Node{.document_id = doc, .number = "1", .title = "Målområde 1"});
    item_a_ = tx->add_node(Node{.document_id = doc, .parent_id = area, .kind = NodeKind::item, .number = "1:1",
                                .title = "lokala lägesbilder", .position = 1});
    item_b_ = tx->add_node(Node{.document_id = doc, .parent_id = area, .kind = NodeKind::item, .number = "1:2",
                                .title = "samverkan", .position = 2});
    const Id anna = tx->add_user(User{.email = "anna@kultur.se", .name = "Anna", .password_hash = "x"});
    tx->add_grant(Grant{anna, Role::respondent, culture_});
    respondent_ = Viewer{.user_id = anna, .name = "Anna", .email = "anna@kultur.se",
                         .grants = {{anna, Role::respondent, culture_}}};
    coordinator_ = person(*tx, "sam@staden.se", Role::coordinator, city_);
    neighbour_ = person(*tx, "nina@grannstaden.se", Role::coordinator, other_city_);
    tx->commit();
  }
  // A person with one grant, stored (the audit trail refers to them).
  static Viewer person(store::Tx& tx, const std::string& email, Role role, Id unit) {
    const Id id = tx.add_user(User{.email = email, .name = email, .password_hash = "x"});
    tx.add_grant(Grant{id, role, unit});
    return Viewer{.user_id = id, .name = email, .email = email, .grants = {{id, role, unit}}};
  }

  RoundSettings settings(std::string name = "Uppföljning 2025") {
    return RoundSettings{.name = std::move(name), .year = 2025, .opens_on = "2025-10-01", .deadline = "2025-11-30",
                         .instructions = "Svara per insats."};
  }
  Id new_round(std::string name = "Uppföljning 2025") {
    auto made = create_round(*store_, coordinator_, settings(std::move(name)), {culture_, sport_, harbour_}, {item_b_, item_a_});
    EXPECT_TRUE(made.ok()) << (made.errors.empty() ? "" : made.errors[0].message);
    return made.id;
  }
  std::size_t audits(const std::string& action) {
    auto all = store_->begin_read()->audit_entries({});
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const auto& e) { return e.action == action; }));
  }
  std::vector<Question> questions(Id round) { return store_->begin_read()->questions(round); }
  static bool has_error(const Outcome& o, const std::string& field) {
    return std::any_of(o.errors.begin(), o.errors.end(), [&](const FieldError& e) { return e.field == field; });
  }

  Id city_ = 0, culture_ = 0, sport_ = 0, harbour_ = 0, other_city_ = 0, foreign_ = 0, item_a_ = 0, item_b_ = 0;
  Viewer coordinator_, neighbour_, respondent_;
};

INSTANTIATE_TEST_SUITE_P(Backends, RoundAdminTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(RoundAdminTest, CoordinatorCreatesADraftWithUnitsAndQuestionsInDocumentOrder) {
  const Id round = new_round();
  auto stored = store_->begin_read()->round(round).value();
  EXPECT_EQ(stored.status, RoundStatus::draft);
  EXPECT_EQ(stored.unit_id, city_);
  EXPECT_EQ(stored.opens_on, "2025-10-01");
  EXPECT_EQ(stored.instructions, "Svara per insats.");
  EXPECT_EQ(store_->begin_read()->responses(round).size(), 3u);
  const auto qs = questions(round);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].node_id, item_a_);  // 1:1 before 1:2 though chosen the other way round
  EXPECT_EQ(qs[0].text, "Har ni arbetat med lokala lägesbilder?");
  EXPECT_EQ(audits("round_create"), 1u);
}

TEST_P(RoundAdminTest, BadSettingsAndForeignUnitsAreRefusedInSwedishAndWriteNothing) {
  auto bad = create_round(*store_, coordinator_,
                          RoundSettings{.name = " ", .year = 25, .opens_on = "2025-12-01", .deadline = "2025-11-31"},
                          {}, {});
  EXPECT_EQ(bad.kind, Outcome::Kind::invalid);
  EXPECT_TRUE(has_error(bad, "namn"));
  EXPECT_TRUE(has_error(bad, "ar"));
  EXPECT_TRUE(has_error(bad, "sista-svarsdag"));
  EXPECT_TRUE(has_error(bad, "enheter"));
  auto early = create_round(*store_, coordinator_,
                            RoundSettings{.name = "X", .year = 2025, .opens_on = "2025-12-01", .deadline = "2025-11-30"},
                            {culture_}, {});
  ASSERT_TRUE(has_error(early, "sista-svarsdag"));
  EXPECT_EQ(early.errors[0].message, "Sista svarsdag kan inte vara före öppningsdatum");
  auto foreign = create_round(*store_, coordinator_, settings(), {culture_, foreign_}, {});
  ASSERT_TRUE(has_error(foreign, "enheter"));
  EXPECT_EQ(foreign.errors[0].message, "Du kan bara välja enheter inom ditt ansvarsområde");
  EXPECT_EQ(create_round(*store_, respondent_, settings(), {culture_}, {}).kind, Outcome::Kind::not_found);
  EXPECT_TRUE(store_->begin_read()->rounds().empty());

  new_round();
  auto twice = create_round(*store_, coordinator_, settings(), {culture_}, {});
  EXPECT_TRUE(has_error(twice, "namn"));
}

TEST_P(RoundAdminTest, QuestionsWithAudiencesAreAddedEditedMovedAndRemovedInADraft) {
  const Id round = new_round();
  auto added = add_question(*store_, coordinator_, round,
                            QuestionDraft{.text = "Har ni ett  lokalt kompetensteam?", .node_id = item_b_,
                                          .comment_rule = CommentRule::required_for_some,
                                          .comment_required_for = {"Nej"}, .audience = AudienceMode::kinds,
                                          .kinds = {UnitKind::namnd, UnitKind::styrelse}});
  ASSERT_TRUE(added.ok());
  auto q = store_->begin_read()->question(added.id).value();
  EXPECT_EQ(q.text, "Har ni ett lokalt kompetensteam?");
  EXPECT_EQ(q.position, 3);
  EXPECT_EQ(q.audience, "(samtliga nämnder och styrelser)");
  EXPECT_EQ(q.comment_required_for, std::vector<std::string>{"Nej"});

  auto chosen = update_question(*store_, coordinator_, round, added.id,
                                QuestionDraft{.text = "Ändrad", .audience = AudienceMode::units, .units = {harbour_}});
  ASSERT_TRUE(chosen.ok());
  q = store_->begin_read()->question(added.id).value();
  EXPECT_EQ(q.audience, "(Hamnbolaget AB)");
  EXPECT_TRUE(q.audience_kinds.empty());

  auto outside = update_question(*store_, coordinator_, round, added.id,
                                 QuestionDraft{.text = "Ändrad", .audience = AudienceMode::units, .units = {foreign_}});
  EXPECT_TRUE(has_error(outside, "malgrupp-enheter"));
  auto empty = add_question(*store_, coordinator_, round,
                            QuestionDraft{.comment_rule = CommentRule::required_for_some, .audience = AudienceMode::kinds});
  EXPECT_TRUE(has_error(empty, "fraga"));
  EXPECT_TRUE(has_error(empty, "kommentar-svar"));
  EXPECT_TRUE(has_error(empty, "malgrupp-typer"));

  ASSERT_TRUE(move_question(*store_, coordinator_, round, added.id, Move::up).ok());
  EXPECT_EQ(questions(round)[1].id, added.id);
  ASSERT_TRUE(move_question(*store_, coordinator_, round, questions(round)[0].id, Move::up).ok());  // at the top: stays
  ASSERT_TRUE(remove_question(*store_, coordinator_, round, added.id).ok());
  EXPECT_EQ(questions(round).size(), 2u);
  EXPECT_EQ(audits("question_add"), 1u);
  EXPECT_EQ(audits("question_update"), 1u);
  EXPECT_EQ(audits("question_move"), 1u);
  EXPECT_EQ(audits("question_remove"), 1u);
}

TEST_P(RoundAdminTest, AQuestionIsChangedOnlyUnderItsOwnRound) {
  const Id round = new_round();
  const Id other = new_round("Uppföljning 2026");
  const Id question = questions(round)[0].id;
  const std::string text = questions(round)[0].text;
  EXPECT_EQ(update_question(*store_, coordinator_, other, question, QuestionDraft{.text = "Kapad"}).kind,
            Outcome::Kind::not_found);
  EXPECT_EQ(move_question(*store_, coordinator_, other, question, Move::down).kind, Outcome::Kind::not_found);
  EXPECT_EQ(remove_question(*store_, coordinator_, other, question).kind, Outcome::Kind::not_found);
  EXPECT_EQ(questions(round)[0].text, text);
  EXPECT_EQ(questions(round).size(), 2u);
  EXPECT_TRUE(update_question(*store_, coordinator_, round, question, QuestionDraft{.text = "Ändrad"}).ok());
}

TEST_P(RoundAdminTest, AQuestionOffersTheScaleChosenAndCommentRulesFollowIt) {
  const Id round = new_round();
  const auto yes_no = store_->begin_read()->scale_by_name("Ja/Nej");
  ASSERT_TRUE(yes_no) << "the common scales come with the schema";
  auto builder = round_builder(*store_, coordinator_, round);
  ASSERT_TRUE(builder);
  ASSERT_GE(builder->scales.size(), 3u);
  EXPECT_EQ(builder->scales.front().name, "Ja/Nej/Delvis/Ej aktuellt");

  auto added = add_question(*store_, coordinator_, round,
                            QuestionDraft{.text = "Finns en plan?", .scale_id = yes_no->id,
                                          .comment_rule = CommentRule::required_for_some, .comment_required_for = {"Nej"}});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(store_->begin_read()->question(added.id)->scale_id, yes_no->id);

  // "Delvis" is not an answer on Ja/Nej: refused, and the question keeps its scale.
  auto partly = update_question(*store_, coordinator_, round, added.id,
                                QuestionDraft{.text = "Finns en plan?", .comment_rule = CommentRule::required_for_some,
                                              .comment_required_for = {"Delvis"}});
  EXPECT_TRUE(has_error(partly, "kommentar-svar"));
  auto missing = update_question(*store_, coordinator_, round, added.id, QuestionDraft{.text = "Finns en plan?", .scale_id = 9999});
  EXPECT_TRUE(has_error(missing, "svarsalternativ"));
  EXPECT_EQ(store_->begin_read()->question(added.id)->scale_id, yes_no->id);

  builder = round_builder(*store_, coordinator_, round);
  const auto& last = builder->questions.back();
  EXPECT_EQ(last.scale, "Ja/Nej");
  EXPECT_EQ(last.section, "Övriga frågor");
  EXPECT_EQ(builder->questions.front().section, "Trygghetsprogram: 1 Målområde 1");
}

TEST_P(RoundAdminTest, OtherCoordinatorsAndRespondentsSeeNoRoundAndAreAudited) {
  const Id round = new_round();
  const Id question = questions(round)[0].id;
  EXPECT_EQ(open_round(*store_, neighbour_, round, Confirmed::yes).kind, Outcome::Kind::not_found);
  EXPECT_EQ(close_round(*store_, respondent_, round, Confirmed::yes).kind, Outcome::Kind::not_found);
  EXPECT_EQ(update_round(*store_, neighbour_, round, settings("Kapad")).kind, Outcome::Kind::not_found);
  EXPECT_EQ(remove_question(*store_, neighbour_, round, question).kind, Outcome::Kind::not_found);
  EXPECT_EQ(copy_round(*store_, neighbour_, round, settings("Kopia")).kind, Outcome::Kind::not_found);
  EXPECT_EQ(remind_round(*store_, neighbour_, round).kind, Outcome::Kind::not_found);
  EXPECT_FALSE(round_builder(*store_, neighbour_, round));
  EXPECT_FALSE(pending_units(*store_, respondent_, round));
  EXPECT_EQ(open_round(*store_, neighbour_, 999999, Confirmed::yes).kind, Outcome::Kind::not_found);
  EXPECT_EQ(audits("refused"), 6u);  // the missing round is no refusal
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::draft);
  EXPECT_EQ(questions(round).size(), 2u);

  const Viewer admin{.user_id = coordinator_.user_id, .grants = {{coordinator_.user_id, Role::admin, city_}}};
  EXPECT_TRUE(update_round(*store_, admin, round, settings("Uppföljning 2025 B")).ok());
}

TEST_P(RoundAdminTest, OpenLocksQuestionsAndUnitsCloseLocksEverything) {
  const Id round = new_round();
  const Id question = questions(round)[0].id;
  ASSERT_TRUE(open_round(*store_, coordinator_, round, Confirmed::yes).ok());
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::open);
  EXPECT_TRUE(has_error(open_round(*store_, coordinator_, round, Confirmed::yes), "status"));
  auto locked = add_question(*store_, coordinator_, round, QuestionDraft{.text = "Sen fråga"});
  ASSERT_TRUE(has_error(locked, "status"));
  EXPECT_EQ(locked.errors[0].message, "Frågorna kan bara ändras innan omgången öppnas");
  EXPECT_TRUE(has_error(remove_question(*store_, coordinator_, round, question), "status"));
  EXPECT_TRUE(has_error(set_round_units(*store_, coordinator_, round, {culture_}), "status"));
  auto later = settings();
  later.deadline = "2025-12-15";
  EXPECT_TRUE(update_round(*store_, coordinator_, round, later).ok());  // settings still change while open

  auto asked = close_round(*store_, coordinator_, round, Confirmed::no);
  ASSERT_EQ(asked.kind, Outcome::Kind::unconfirmed);
  EXPECT_EQ(asked.consequences.back(), "3 av 3 enheter har inte lämnat in sitt svar.");
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::open);
  ASSERT_TRUE(close_round(*store_, coordinator_, round, Confirmed::yes).ok());
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::closed);
  EXPECT_TRUE(has_error(update_round(*store_, coordinator_, round, settings()), "status"));
  EXPECT_TRUE(has_error(close_round(*store_, coordinator_, round, Confirmed::yes), "status"));
  EXPECT_EQ(remind_round(*store_, coordinator_, round).kind, Outcome::Kind::conflict) << "a closed round is reminded of nothing";
  EXPECT_EQ(audits("round_open"), 1u);
  EXPECT_EQ(audits("round_close"), 1u);
}

TEST_P(RoundAdminTest, AQuestionReachingNoUnitIsShownAndOpeningNeedsConfirmation) {
  const Id round = new_round();  // two nämnder and a bolag
  ASSERT_TRUE(add_question(*store_, coordinator_, round,
                           QuestionDraft{.text = "Förvaltningsfråga", .audience = AudienceMode::kinds,
                                         .kinds = {UnitKind::forvaltning}})
                  .ok());
  ASSERT_TRUE(add_question(*store_, coordinator_, round,
                           QuestionDraft{.text = "Nämndfråga", .audience = AudienceMode::kinds, .kinds = {UnitKind::namnd}})
                  .ok());
  const auto builder = round_builder(*store_, coordinator_, round);
  ASSERT_TRUE(builder);
  EXPECT_EQ(builder->unit_count, 3);
  ASSERT_EQ(builder->questions.size(), 4u);
  EXPECT_EQ(builder->questions[0].reaches, 3);
  EXPECT_EQ(builder->questions[2].reaches, 0) << "no förvaltning takes part";
  EXPECT_EQ(builder->questions[3].reaches, 2);

  // Unconfirmed, opening changes nothing and says what it would do, the unreached question too.
  auto asked = open_round(*store_, coordinator_, round, Confirmed::no);
  ASSERT_EQ(asked.kind, Outcome::Kind::unconfirmed);
  EXPECT_EQ(asked.consequences.front(), "Omgångens 3 enheter ser den under Mina uppföljningar och kan börja svara.");
  EXPECT_EQ(asked.consequences.back(), "Fråga 3 når ingen av omgångens enheter: ingen kommer att svara på den.");
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::draft);
  EXPECT_EQ(close_round(*store_, coordinator_, round, Confirmed::no).kind, Outcome::Kind::invalid) << "not open yet";
  ASSERT_TRUE(open_round(*store_, coordinator_, round, Confirmed::yes).ok());
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::open);
}

TEST_P(RoundAdminTest, AnEmptyDraftCannotOpenAndUnitsChangeWhileDraft) {
  auto made = create_round(*store_, coordinator_, settings(), {culture_}, {});
  ASSERT_TRUE(made.ok());
  auto empty = open_round(*store_, coordinator_, made.id, Confirmed::no);
  EXPECT_TRUE(has_error(empty, "fragor"));
  ASSERT_TRUE(set_round_units(*store_, coordinator_, made.id, {sport_, harbour_}).ok());
  auto responses = store_->begin_read()->responses(made.id);
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_TRUE(has_error(set_round_units(*store_, coordinator_, made.id, {}), "enheter"));
}

TEST_P(RoundAdminTest, CopyCarriesQuestionsAudiencesAndUnitsIntoANewDraft) {
  const Id round = new_round();
  ASSERT_TRUE(add_question(*store_, coordinator_, round,
                           QuestionDraft{.text = "Bolagsfråga", .audience = AudienceMode::kinds, .kinds = {UnitKind::bolag}})
                  .ok());
  ASSERT_TRUE(open_round(*store_, coordinator_, round, Confirmed::yes).ok());
  auto copy = copy_round(*store_, coordinator_, round, RoundSettings{.name = "Uppföljning 2026", .year = 2026});
  ASSERT_TRUE(copy.ok());
  auto stored = store_->begin_read()->round(copy.id).value();
  EXPECT_EQ(stored.status, RoundStatus::draft);
  EXPECT_EQ(stored.unit_id, city_);
  const auto copied = questions(copy.id);
  ASSERT_EQ(copied.size(), 3u);
  EXPECT_EQ(copied[2].audience_kinds, std::vector<UnitKind>{UnitKind::bolag});
  EXPECT_EQ(copied[2].audience, "(samtliga bolag)");
  EXPECT_EQ(store_->begin_read()->responses(copy.id).size(), 3u);
  EXPECT_EQ(audits("round_copy"), 1u);
}

TEST_P(RoundAdminTest, BoardCountsRequiredPerUnitAndListsWhoHasNotHandedIn) {
  const Id round = new_round();
  ASSERT_TRUE(add_question(*store_, coordinator_, round,
                           QuestionDraft{.text = "Bolagsfråga", .audience = AudienceMode::kinds, .kinds = {UnitKind::bolag}})
                  .ok());
  ASSERT_TRUE(open_round(*store_, coordinator_, round, Confirmed::yes).ok());
  {
    auto tx = store_->begin();
    const auto response = tx->response_of(round, culture_).value();
    tx->save_answer(Answer{.response_id = response.id, .question_id = questions(round)[0].id, .choice = "Ja",
                           .changed_by = "anna@kultur.se", .changed_at = "2025-10-03T09:00:00Z"}, 0);
    const auto sport = tx->response_of(round, sport_).value();
    tx->update_response_status(sport.id, ResponseStatus::submitted, sport.version, "2025-10-04T09:00:00Z");
    tx->commit();
  }
  auto view = round_view(*store_, coordinator_, round, UnitSort::name, false).value();
  EXPECT_TRUE(view.manageable);
  ASSERT_EQ(view.units.size(), 3u);
  EXPECT_EQ(view.units[0].unit.name, "Hamnbolaget AB");
  EXPECT_EQ(view.units[0].required, 3);
  EXPECT_EQ(view.units[2].unit.name, "Kulturnämnden");
  EXPECT_EQ(view.units[2].required, 2);
  EXPECT_EQ(view.units[2].answered, 1);
  EXPECT_EQ(view.units[2].last_changed_by, "anna@kultur.se");

  auto nämnder = round_view(*store_, coordinator_, round, UnitSort::name, false,
                            UnitFilter{.kind = UnitKind::namnd, .search = "KULTUR"}).value();
  ASSERT_EQ(nämnder.units.size(), 1u);
  EXPECT_EQ(nämnder.progress.total, 3);  // the counts stay those of every unit
  auto handed_in = round_view(*store_, coordinator_, round, UnitSort::name, false,
                              UnitFilter{.status = ResponseStatus::submitted}).value();
  ASSERT_EQ(handed_in.units.size(), 1u);
  EXPECT_EQ(handed_in.units[0].unit.name, "Idrottsnämnden");
  EXPECT_FALSE(round_view(*store_, respondent_, round, UnitSort::name, false)->manageable);

  auto pending = pending_units(*store_, coordinator_, round).value();
  ASSERT_EQ(pending.units.size(), 2u);
  EXPECT_EQ(pending.units[0].unit.name, "Hamnbolaget AB");
  EXPECT_TRUE(pending.units[0].emails.empty());
  EXPECT_EQ(pending.units[1].emails, std::vector<std::string>{"anna@kultur.se"});
  EXPECT_EQ(pending.emails, std::vector<std::string>{"anna@kultur.se"});
  auto reminded = remind_round(*store_, coordinator_, round);
  ASSERT_TRUE(reminded.ok());
  EXPECT_EQ(reminded.id, 2);
  EXPECT_EQ(audits("round_remind"), 1u);
}

TEST_P(RoundAdminTest, MyFollowupsListsOpenRoundsOfTheRespondentsUnits) {
  const Id round = new_round();
  EXPECT_TRUE(my_followups(*store_, respondent_).tasks.empty());  // a draft is not shown
  ASSERT_TRUE(open_round(*store_, coordinator_, round, Confirmed::yes).ok());
  auto mine = my_followups(*store_, respondent_).tasks;
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].round.id, round);
  EXPECT_EQ(mine[0].unit.name, "Kulturnämnden");
  EXPECT_EQ(mine[0].status, ResponseStatus::not_started);
  EXPECT_EQ(mine[0].round.deadline, "2025-11-30");
  EXPECT_TRUE(my_followups(*store_, coordinator_).tasks.empty());  // coordinators answer nothing themselves
}

TEST_P(RoundAdminTest, MyFollowupsListsHandedInResponsesForTheirCoordinatorUntilLookedAt) {
  const Id round = new_round();
  ASSERT_TRUE(open_round(*store_, coordinator_, round, Confirmed::yes).ok());
  auto set_status = [&](ResponseStatus status) {
    auto tx = store_->begin();
    const auto r = tx->response_of(round, culture_).value();
    tx->update_response_status(r.id, status, r.version, "2025-10-04T09:00:00Z");
    tx->commit();
  };
  set_status(ResponseStatus::submitted);
  auto review = my_followups(*store_, coordinator_).tasks;
  ASSERT_EQ(review.size(), 1u);
  EXPECT_TRUE(review[0].to_review);
  EXPECT_EQ(review[0].unit.name, "Kulturnämnden");
  EXPECT_FALSE(my_followups(*store_, respondent_).tasks.at(0).to_review) << "the respondent does not coordinate";
  EXPECT_TRUE(my_followups(*store_, neighbour_).tasks.empty()) << "not a round they coordinate";
  set_status(ResponseStatus::returned);
  EXPECT_TRUE(my_followups(*store_, coordinator_).tasks.empty()) << "looked at: returned";
}

}  // namespace
}  // namespace uppsikt::service
