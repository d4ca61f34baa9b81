// Answering at the service: every status change of a response, allowed and refused (wrong
// role, wrong status, closed round, conflict), with its audit row, on every backend.
#include "service/answering.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "service/answer_fields.h"
#include "service/answering_view.h"
#include "service/response_view.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using Kind = Outcome::Kind;

class AnsweringTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    const Id board = tx->add_unit(Unit{.parent_id = city, .name = "Miljö- och klimatnämnden", .kind = UnitKind::namnd});
    unit_ = tx->add_unit(Unit{.parent_id = board, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
    other_unit_ = tx->add_unit(Unit{.parent_id = city, .name = "Kulturförvaltningen", .kind = UnitKind::forvaltning});
    scale_ = tx->add_scale(Scale{.name = "Standard", .options = standard_options()});
    round_ = add_round(*tx, "Uppföljning 2024", RoundStatus::open, "2999-12-31", true);
    respondent_ = add_person(*tx, "svarande", Role::respondent, unit_);
    colleague_ = add_person(*tx, "kollega", Role::respondent, unit_);
    approver_ = add_person(*tx, "godkannare", Role::approver, board);
    coordinator_ = add_person(*tx, "samordnare", Role::coordinator, city);
    reader_ = add_person(*tx, "lasare", Role::reader, city);
    stranger_ = add_person(*tx, "kultur", Role::respondent, other_unit_);
    tx->commit();
  }

  Id add_round(store::Tx& tx, const std::string& name, RoundStatus status, const std::string& deadline,
               bool approval) {
    const Id round = tx.add_round(Round{.name = name, .year = 2024, .status = status, .deadline = deadline,
                                        .requires_approval = approval});
    q1_ = tx.add_question(Question{.round_id = round, .position = 1, .text = "Finns en plan?", .scale_id = scale_});
    q2_ = tx.add_question(Question{.round_id = round, .position = 2, .text = "Följs planen upp?", .scale_id = scale_,
                                   .comment_rule = CommentRule::required_for_some, .comment_required_for = {"Nej"}});
    tx.add_response(Response{.round_id = round, .unit_id = unit_});
    tx.add_response(Response{.round_id = round, .unit_id = other_unit_});
    return round;
  }
  Viewer add_person(store::Tx& tx, const std::string& who, Role role, Id unit) {
    const Id id = tx.add_user(User{.email = who + "@example.se", .name = "Person " + who,
                                   .password_hash = "x", .created_at = "2024-01-01T00:00:00Z"});
    tx.add_grant(Grant{id, role, unit});
    return Viewer{.user_id = id, .name = "Person " + who, .email = who + "@example.se", .grants = tx.grants(id)};
  }
  // A round other than the default, with the same two questions.
  Id another_round(RoundStatus status, const std::string& deadline = "2999-12-31", bool approval = false) {
    auto tx = store_->begin();
    const Id round = add_round(*tx, "Omgång " + std::to_string(++rounds_), status, deadline, approval);
    tx->commit();
    return round;
  }

  SaveOutcome save(const Viewer& who, Id question, std::string choice, std::string comment = "", int seen = 0,
                   std::optional<Id> round = std::nullopt) {
    return save_answer(*store_, who, round.value_or(round_), unit_,
                       AnswerInput{question, std::move(choice), std::move(comment), seen});
  }
  // Both questions answered so that the response may be handed in.
  void answer_all(Id round) {
    ASSERT_TRUE(save(respondent_, q1_, "Ja", "", 0, round).ok());
    ASSERT_TRUE(save(respondent_, q2_, "Nej", "Resurser saknas.", 0, round).ok());
  }
  Response response(Id round) { return *store_->begin_read()->response_of(round, unit_); }
  std::vector<ResponseEvent> events(Id round) { return store_->begin_read()->response_events(response(round).id); }
  std::size_t audits(const std::string& action) {
    auto all = store_->begin_read()->audit_entries({});
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const auto& e) { return e.action == action; }));
  }
  // Answers, hands in and has the approver approve.
  void approved(Id round) {
    answer_all(round);
    ASSERT_TRUE(hand_in(*store_, respondent_, round, unit_).ok());
    ASSERT_TRUE(approve(*store_, approver_, round, unit_, Confirmed::yes).ok());
  }

  Id unit_ = 0, other_unit_ = 0, scale_ = 0, round_ = 0, q1_ = 0, q2_ = 0;
  int rounds_ = 0;
  Viewer respondent_, colleague_, approver_, coordinator_, reader_, stranger_;
};

INSTANTIATE_TEST_SUITE_P(Backends, AnsweringTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

// The questions of the fixture's round are q1_ and q2_ of the round made last, so tests that
// make another round use the questions of that one.

TEST_P(AnsweringTest, RespondentSavesAnAnswerAndGetsItsVersionAndTime) {
  const auto saved = save(respondent_, q1_, "Ja", "Planen antogs i mars.");
  ASSERT_TRUE(saved.ok()) << saved.message();
  EXPECT_EQ(saved.answer->version, 1);
  EXPECT_EQ(saved.answer->changed_by, "Person svarande");
  EXPECT_FALSE(saved.answer->changed_at.empty());
  EXPECT_EQ(response(round_).status, ResponseStatus::draft);
  EXPECT_EQ(audits("answer_save"), 1u);

  const auto again = save(respondent_, q1_, "Delvis", "", 1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.answer->version, 2);
  EXPECT_EQ(audits("answer_save"), 2u);
}

// A save names its question by id: one of another round is no question of this one.
TEST_P(AnsweringTest, PreviousAnswersComeFromTheLatestEarlierRoundTheUnitAnswered) {
  ASSERT_TRUE(save(respondent_, q1_, "Delvis", "Påbörjat.").ok());  // 2024
  const Id skipped = another_round(RoundStatus::closed);            // 2025, never answered
  const Id current = another_round(RoundStatus::open);              // 2026
  {
    auto tx = store_->begin();
    for (auto [id, year] : {std::pair{skipped, 2025}, std::pair{current, 2026}}) {
      auto r = *tx->round(id);
      r.year = year;
      tx->update_round(r);
    }
    tx->commit();
  }
  const auto view = answering_view(*store_, respondent_, current, unit_);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->previous_round, "Uppföljning 2024") << "not the unanswered round of the year before";
  const auto first = store_->begin_read()->questions(current).at(0).id;
  ASSERT_TRUE(view->previous.contains(first));
  EXPECT_EQ(view->previous.at(first).choice, "Delvis");
}

TEST_P(AnsweringTest, AQuestionOfAnotherRoundIsNotAnsweredInThisOne) {
  const Id ours = q1_;
  const Id other = another_round(RoundStatus::open);  // q1_ is now the other round's
  EXPECT_EQ(save(respondent_, q1_, "Ja").kind, Kind::not_found);
  EXPECT_TRUE(save(respondent_, ours, "Ja").ok());
  EXPECT_TRUE(save(respondent_, q1_, "Nej", "", 0, other).ok());
  EXPECT_EQ(store_->begin_read()->answers(response(round_).id).size(), 1u);
}

TEST_P(AnsweringTest, SaveAgainstAnOlderVersionShowsTheTextSavedMeanwhile) {
  ASSERT_TRUE(save(respondent_, q1_, "Ja", "Min text").ok());
  const auto late = save(colleague_, q1_, "Nej", "Kollegans text", 0);
  EXPECT_EQ(late.kind, Kind::conflict);
  ASSERT_TRUE(late.answer);
  EXPECT_EQ(late.answer->comment, "Min text");
  EXPECT_EQ(late.answer->changed_by, "Person svarande");
  EXPECT_EQ(late.answer->version, 1);
  // Nothing was overwritten, and the same text again is no conflict.
  EXPECT_EQ(store_->begin_read()->answers(response(round_).id)[0].comment, "Min text");
  EXPECT_TRUE(save(colleague_, q1_, "Ja", "Min text", 0).ok());
  EXPECT_EQ(audits("answer_save"), 1u);
}

TEST_P(AnsweringTest, TwoPeopleAnswerDifferentQuestionsWithoutConflict) {
  EXPECT_TRUE(save(respondent_, q1_, "Ja").ok());
  EXPECT_TRUE(save(colleague_, q2_, "Delvis").ok());
  EXPECT_TRUE(save(respondent_, q1_, "Nej", "", 1).ok());
}

// Saves racing each other (on PostgreSQL truly at once): different questions all go through,
// and of two first saves of one answer one wins and the other sees the winner's text.
TEST_P(AnsweringTest, SavesAtTheSameMomentNeverLoseOneSilently) {
  std::vector<SaveOutcome> outcomes(3);
  {
    std::vector<std::jthread> people;
    people.emplace_back([&] { outcomes[0] = save(respondent_, q1_, "Ja", "Svarandens text"); });
    people.emplace_back([&] { outcomes[1] = save(colleague_, q1_, "Nej", "Kollegans text"); });
    people.emplace_back([&] { outcomes[2] = save(colleague_, q2_, "Delvis", "Annan fråga"); });
  }
  EXPECT_TRUE(outcomes[2].ok()) << outcomes[2].message();
  const int won = outcomes[0].ok() ? 0 : 1;
  const auto& lost = outcomes[1 - won];
  EXPECT_TRUE(outcomes[won].ok()) << outcomes[won].message();
  ASSERT_EQ(lost.kind, Kind::conflict) << lost.message();
  ASSERT_TRUE(lost.answer) << "the conflict names the answer saved meanwhile: " << lost.message();
  EXPECT_EQ(lost.answer->comment, won == 0 ? "Svarandens text" : "Kollegans text");
  EXPECT_EQ(store_->begin_read()->answers(response(round_).id).size(), 2u);
}

// The form's check of an answer is made from the answer as it would be stored, so a comment
// a browser sends back with CRLF is still "as the page showed it".
TEST(AnswerCheck, IsTheSameForTheSameAnswerAsStoredAndDiffersOtherwise) {
  EXPECT_EQ(answer_check("Ja", "Rad ett\r\nRad två"), answer_check("Ja", "Rad ett\nRad två"));
  EXPECT_EQ(stored_comment("Rad ett\r\nRad två"), "Rad ett\nRad två");
  EXPECT_NE(answer_check("Ja", "Text"), answer_check("Nej", "Text"));
  EXPECT_NE(answer_check("Ja", ""), answer_check("", "Ja"));  // the parts are kept apart
  EXPECT_EQ(answer_check("Ja", "Text").size(), 16u);
}

// The whole form without JavaScript: its changed answers in one call, checked once.
TEST_P(AnsweringTest, AFormsAnswersAreSavedTogetherAndABadOneDoesNotStopTheOthers) {
  auto form = save_answers(*store_, respondent_, round_, unit_,
                           {AnswerInput{q1_, "Ja", "", 0}, AnswerInput{q2_, "Kanske", "", 0}});
  ASSERT_TRUE(form.ok()) << form.message();
  ASSERT_EQ(form.answers.size(), 2u);
  EXPECT_TRUE(form.answers[0].ok());
  ASSERT_TRUE(form.answers[0].answer);
  EXPECT_EQ(form.answers[0].answer->version, 1);
  EXPECT_EQ(form.answers[1].kind, Kind::invalid);
  EXPECT_EQ(response(round_).status, ResponseStatus::draft);
  form = save_answers(*store_, respondent_, round_, unit_,
                      {AnswerInput{q1_, "Nej", "Ändrat", 1}, AnswerInput{q2_, "Delvis", "Nytt", 0}});
  ASSERT_TRUE(form.ok()) << form.message();
  EXPECT_TRUE(form.answers[0].ok() && form.answers[1].ok());
  EXPECT_EQ(store_->begin_read()->answers(response(round_).id).size(), 2u);
  EXPECT_EQ(audits("answer_save"), 3u);
  // Someone without the role is refused once for the whole form, and nothing is written.
  form = save_answers(*store_, approver_, round_, unit_, {AnswerInput{q1_, "Ja", "", 2}, AnswerInput{q2_, "Ja", "", 1}});
  EXPECT_EQ(form.kind, Kind::not_allowed);
  EXPECT_TRUE(form.answers.empty());
  EXPECT_EQ(audits("refused"), 1u);
  EXPECT_EQ(audits("answer_save"), 3u);
}

TEST_P(AnsweringTest, BadInputIsRefusedInSwedishAndWritesNothing) {
  auto bad_choice = save(respondent_, q1_, "Kanske");
  EXPECT_EQ(bad_choice.kind, Kind::invalid);
  ASSERT_EQ(bad_choice.errors.size(), 1u);
  EXPECT_EQ(bad_choice.errors[0].field, answer_fields::choice(q1_));
  EXPECT_EQ(bad_choice.errors[0].message, "Välj ett av svarsalternativen.");
  EXPECT_EQ(save(respondent_, q1_, "Ja", std::string(kMaxCommentChars + 1, 'x')).kind, Kind::invalid);
  EXPECT_EQ(save(respondent_, q1_, "Ja", "trasig \xff text").kind, Kind::invalid);
  EXPECT_EQ(save(respondent_, q1_ + 1000, "Ja").kind, Kind::not_found);
  EXPECT_TRUE(save(respondent_, q1_, "Ja", std::string(kMaxCommentChars, 'x')).ok());
  EXPECT_EQ(audits("answer_save"), 1u);
  EXPECT_EQ(response(round_).status, ResponseStatus::draft);
}

TEST_P(AnsweringTest, OnlyTheUnitsRespondentsAnswer) {
  EXPECT_EQ(save(approver_, q1_, "Ja").kind, Kind::not_allowed);
  EXPECT_EQ(save(coordinator_, q1_, "Ja").kind, Kind::not_allowed);
  EXPECT_EQ(save(reader_, q1_, "Ja").kind, Kind::not_found);    // readers see only published rounds
  EXPECT_EQ(save(stranger_, q1_, "Ja").kind, Kind::not_found);  // a foreign unit looks missing
  EXPECT_EQ(hand_in(*store_, approver_, round_, unit_).kind, Kind::not_allowed);
  EXPECT_TRUE(store_->begin_read()->answers(response(round_).id).empty());
  EXPECT_EQ(audits("refused"), 5u);
  EXPECT_EQ(save_answer(*store_, respondent_, round_ + 100, unit_, AnswerInput{q1_, "Ja", "", 0}).kind,
            Kind::not_found);
}

TEST_P(AnsweringTest, HandInNeedsEveryAnswerAndTheRequiredComments) {
  ASSERT_TRUE(save(respondent_, q1_, "Ja").ok());
  auto missing = hand_in(*store_, respondent_, round_, unit_);
  EXPECT_EQ(missing.kind, Kind::invalid);
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].field, answer_fields::choice(q2_));
  EXPECT_EQ(missing.errors[0].message, "Svara på frågan.");

  ASSERT_TRUE(save(respondent_, q2_, "Nej").ok());  // a draft without the comment is fine
  auto no_comment = hand_in(*store_, respondent_, round_, unit_);
  ASSERT_EQ(no_comment.errors.size(), 1u);
  EXPECT_EQ(no_comment.errors[0].message, "Skriv en kommentar till svaret Nej.");
  EXPECT_EQ(response(round_).status, ResponseStatus::draft);

  ASSERT_TRUE(save(respondent_, q2_, "Nej", "Resurser saknas.", 1).ok());
  auto done = hand_in(*store_, respondent_, round_, unit_);
  ASSERT_TRUE(done.ok()) << done.message();
  const auto r = response(round_);
  EXPECT_EQ(r.status, ResponseStatus::submitted);
  EXPECT_EQ(r.handed_in_by, respondent_.user_id);
  EXPECT_FALSE(r.handed_in_at.empty());
  const auto history = events(round_);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].kind, ResponseEventKind::handed_in);
  EXPECT_FALSE(history[0].late);
  EXPECT_EQ(store_->begin_read()->handed_in_answers(r.id, 1).size(), 2u);
  EXPECT_EQ(audits("hand_in"), 1u);
}

TEST_P(AnsweringTest, HandedInResponseIsLocked) {
  answer_all(round_);
  ASSERT_TRUE(hand_in(*store_, respondent_, round_, unit_).ok());
  EXPECT_EQ(save(respondent_, q1_, "Nej", "", 1).kind, Kind::conflict);
  EXPECT_EQ(hand_in(*store_, respondent_, round_, unit_).kind, Kind::conflict);
  EXPECT_EQ(store_->begin_read()->answers(response(round_).id)[0].choice, "Ja");
}

TEST_P(AnsweringTest, HandInAfterTheDeadlineIsAllowedAndMarkedLate) {
  const Id round = another_round(RoundStatus::open, "2001-01-31");
  answer_all(round);
  ASSERT_TRUE(hand_in(*store_, respondent_, round, unit_).ok());
  EXPECT_TRUE(events(round).at(0).late);
}

TEST_P(AnsweringTest, ApproverApprovesAHandedInResponse) {
  answer_all(round_);
  EXPECT_EQ(approve(*store_, approver_, round_, unit_, Confirmed::yes).kind, Kind::conflict);  // not handed in yet
  ASSERT_TRUE(hand_in(*store_, respondent_, round_, unit_).ok());
  EXPECT_EQ(approve(*store_, respondent_, round_, unit_, Confirmed::yes).kind, Kind::not_allowed);
  EXPECT_EQ(approve(*store_, coordinator_, round_, unit_, Confirmed::no).kind, Kind::not_allowed);
  EXPECT_EQ(approve(*store_, approver_, round_, unit_, Confirmed::no).kind, Kind::unconfirmed);
  EXPECT_EQ(response(round_).status, ResponseStatus::submitted) << "unconfirmed, nothing changes";
  ASSERT_TRUE(approve(*store_, approver_, round_, unit_, Confirmed::yes).ok());
  EXPECT_EQ(response(round_).status, ResponseStatus::approved);
  EXPECT_EQ(events(round_).back().kind, ResponseEventKind::approved);
  EXPECT_EQ(events(round_).back().user_name, "Person godkannare");
  EXPECT_EQ(approve(*store_, approver_, round_, unit_, Confirmed::yes).kind, Kind::conflict);
  EXPECT_EQ(audits("approve"), 1u);
}

TEST_P(AnsweringTest, RoundWithoutApprovalHasNothingToApprove) {
  const Id round = another_round(RoundStatus::open);
  answer_all(round);
  ASSERT_TRUE(hand_in(*store_, respondent_, round, unit_).ok());
  EXPECT_EQ(approve(*store_, approver_, round, unit_, Confirmed::yes).kind, Kind::conflict);
  EXPECT_EQ(send_back(*store_, approver_, round, unit_, "Nej").kind, Kind::conflict);
  EXPECT_EQ(response(round).status, ResponseStatus::submitted);
}

TEST_P(AnsweringTest, ApproverSendsBackWithAMessageAndTheHandedInEditionStays) {
  answer_all(round_);
  ASSERT_TRUE(hand_in(*store_, respondent_, round_, unit_).ok());
  auto empty = send_back(*store_, approver_, round_, unit_, "  ");
  EXPECT_EQ(empty.kind, Kind::invalid);
  EXPECT_EQ(empty.errors.at(0).message, "Skriv vad som behöver ändras.");
  EXPECT_EQ(send_back(*store_, respondent_, round_, unit_, "Själv").kind, Kind::not_allowed);
  ASSERT_TRUE(send_back(*store_, approver_, round_, unit_, "Utveckla fråga 2.").ok());

  auto r = response(round_);
  EXPECT_EQ(r.status, ResponseStatus::returned);
  EXPECT_EQ(r.edition, 2);
  EXPECT_EQ(events(round_).back().message, "Utveckla fråga 2.");
  EXPECT_EQ(events(round_).back().kind, ResponseEventKind::sent_back);
  ASSERT_TRUE(save(respondent_, q2_, "Delvis", "Nu utvecklat.", 1).ok());
  ASSERT_TRUE(hand_in(*store_, respondent_, round_, unit_).ok());
  auto read = store_->begin_read();
  EXPECT_EQ(read->handed_in_answers(r.id, 1).at(1).choice, "Nej");
  EXPECT_EQ(read->handed_in_answers(r.id, 2).at(1).choice, "Delvis");
}

TEST_P(AnsweringTest, CoordinatorReturnsAnApprovedResponseAsANewEdition) {
  approved(round_);
  EXPECT_EQ(return_response(*store_, approver_, round_, unit_, "Nej", Confirmed::yes).kind, Kind::not_allowed);
  EXPECT_EQ(return_response(*store_, respondent_, round_, unit_, "Nej", Confirmed::yes).kind, Kind::not_allowed);
  EXPECT_EQ(return_response(*store_, coordinator_, round_, unit_, "", Confirmed::no).kind, Kind::invalid);
  EXPECT_EQ(return_response(*store_, coordinator_, round_, unit_, "Nej", Confirmed::no).kind, Kind::unconfirmed);
  EXPECT_EQ(response(round_).edition, 1) << "unconfirmed, nothing changes";
  ASSERT_TRUE(return_response(*store_, coordinator_, round_, unit_, "Komplettera med siffror.", Confirmed::yes).ok());
  auto r = response(round_);
  EXPECT_EQ(r.status, ResponseStatus::returned);
  EXPECT_EQ(r.edition, 2);
  EXPECT_EQ(events(round_).back().kind, ResponseEventKind::returned);
  EXPECT_EQ(events(round_).back().message, "Komplettera med siffror.");
  EXPECT_EQ(return_response(*store_, coordinator_, round_, unit_, "Igen", Confirmed::yes).kind, Kind::conflict);
  EXPECT_TRUE(save(respondent_, q1_, "Delvis", "", 1).ok());
  EXPECT_EQ(audits("return"), 1u);
}

TEST_P(AnsweringTest, ADraftCannotBeReturned) {
  ASSERT_TRUE(save(respondent_, q1_, "Ja").ok());
  EXPECT_EQ(return_response(*store_, coordinator_, round_, unit_, "Varför?", Confirmed::yes).kind, Kind::conflict);
}

TEST_P(AnsweringTest, ClosedRoundRefusesChangesUntilReopenedForTheUnit) {
  const Id round = another_round(RoundStatus::closed);
  auto closed = save(respondent_, q1_, "Ja", "", 0, round);
  EXPECT_EQ(closed.kind, Kind::conflict);
  EXPECT_EQ(closed.message(), "Omgången är stängd. Kontakta samordnaren om ni behöver lämna in i efterhand.");
  EXPECT_EQ(hand_in(*store_, respondent_, round, unit_).kind, Kind::conflict);
  EXPECT_EQ(reopen_for_unit(*store_, respondent_, round, unit_).kind, Kind::not_allowed);
  ASSERT_TRUE(reopen_for_unit(*store_, coordinator_, round, unit_).ok());
  EXPECT_TRUE(response(round).reopened);
  EXPECT_EQ(reopen_for_unit(*store_, coordinator_, round, unit_).kind, Kind::conflict);
  EXPECT_EQ(events(round).back().kind, ResponseEventKind::reopened);
  answer_all(round);
  EXPECT_TRUE(hand_in(*store_, respondent_, round, unit_).ok());
  // Only that unit: the other one's response stays closed.
  auto other = save_answer(*store_, stranger_, round, other_unit_, AnswerInput{q1_, "Ja", "", 0});
  EXPECT_EQ(other.kind, Kind::conflict);
}

TEST_P(AnsweringTest, OpenRoundNeedsNoReopeningAndDraftRoundTakesNoAnswers) {
  EXPECT_EQ(reopen_for_unit(*store_, coordinator_, round_, unit_).kind, Kind::conflict);
  const Id draft = another_round(RoundStatus::draft);
  EXPECT_EQ(save(respondent_, q1_, "Ja", "", 0, draft).message(), "Omgången är inte öppnad än.");
  const Id published = another_round(RoundStatus::published);
  EXPECT_EQ(save(respondent_, q1_, "Ja", "", 0, published).kind, Kind::conflict);
}

TEST_P(AnsweringTest, AllowedActionsFollowRoleAndStatus) {
  auto tx = store_->begin_read();
  const UnitTree tree(tx->units());
  const auto round = *tx->round(round_);
  auto r = *tx->response_of(round_, unit_);
  EXPECT_TRUE(allowed_actions(respondent_, tree, round, r).answer);
  EXPECT_FALSE(allowed_actions(approver_, tree, round, r).answer);
  EXPECT_FALSE(allowed_actions(coordinator_, tree, round, r).return_response);
  r.status = ResponseStatus::submitted;
  EXPECT_FALSE(allowed_actions(respondent_, tree, round, r).answer);
  EXPECT_TRUE(allowed_actions(approver_, tree, round, r).approve);
  EXPECT_TRUE(allowed_actions(coordinator_, tree, round, r).return_response);
  EXPECT_FALSE(allowed_actions(stranger_, tree, round, r).approve);
}

TEST(HandInProblems, OnlyQuestionsAskedOfTheUnitCount) {
  const Unit unit{.id = 7, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning};
  const std::vector<Question> questions{
      Question{.id = 1, .text = "Alla"},
      Question{.id = 2, .text = "Bolag", .audience_kinds = {UnitKind::bolag}},
      Question{.id = 3, .text = "Kommentar krävs", .comment_rule = CommentRule::required}};
  const std::vector<Answer> answers{Answer{.question_id = 1, .choice = "Ja"}, Answer{.question_id = 3, .choice = "Ja"}};
  const auto problems = hand_in_problems(questions, unit, answers);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, answer_fields::comment(3));
  EXPECT_EQ(problems[0].message, "Skriv en kommentar till svaret Ja.");
}

}  // namespace
}  // namespace uppsikt::service
