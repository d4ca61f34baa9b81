// Reminders by mail on every backend: on the round's schedule with the clock set (once per
// unit and planned day, also with two servers at once; a hand-in stops them), "Påminn nu" to
// chosen units, the schedule's settings, and a reminder as it reaches a real SMTP server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "service/answering.h"
#include "service/mail_settings.h"
#include "service/outbox.h"
#include "service/reminders.h"
#include "service/round_corrections.h"
#include "service/status_board.h"
#include "support/backends.h"
#include "support/smtp_sink.h"

namespace uppsikt::service {
namespace {

using ::testing::Not;

using ::testing::HasSubstr;

class RemindersTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    unit_ = tx->add_unit(Unit{.parent_id = city, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
    other_ = tx->add_unit(Unit{.parent_id = city, .name = "Kulturförvaltningen", .kind = UnitKind::forvaltning});
    const Id scale = tx->add_scale(Scale{.name = "Standard", .options = standard_options()});
    round_ = tx->add_round(Round{.name = "Uppföljning 2026", .year = 2026, .status = RoundStatus::open,
                                 .deadline = "2026-12-15", .unit_id = city});
    question_ = tx->add_question(Question{.round_id = round_, .position = 1, .text = "Finns en plan?", .scale_id = scale});
    tx->add_response(Response{.round_id = round_, .unit_id = unit_});
    tx->add_response(Response{.round_id = round_, .unit_id = other_});
    respondent_ = person(*tx, "svarande", Role::respondent, unit_);
    person(*tx, "kollega", Role::respondent, unit_);
    person(*tx, "kultur", Role::respondent, other_);
    coordinator_ = person(*tx, "samordnare", Role::coordinator, city);
    tx->commit();
    set_mail_settings(MailSettings{.public_url = "https://uppsikt.example.se"});
  }
  void TearDown() override {
    set_mail_settings(std::nullopt);
    BackendTest::TearDown();
  }

  Viewer person(store::Tx& tx, const std::string& who, Role role, Id unit) {
    const Id id = tx.add_user(User{.email = who + "@example.se", .name = "Person " + who, .password_hash = "x",
                                   .created_at = "2024-01-01T00:00:00Z"});
    tx.add_grant(Grant{id, role, unit});
    return Viewer{.user_id = id, .name = "Person " + who, .email = who + "@example.se", .grants = tx.grants(id)};
  }
  static TimePoint at(const char* iso) { return *from_iso(iso); }
  // Reminders queued so far, per recipient.
  std::map<std::string, int> reminded() {
    std::map<std::string, int> out;
    for (const auto& m : store_->begin_read()->outbox_messages(std::nullopt, 1000))
      if (m.kind == "reminder") ++out[m.recipient];
    return out;
  }

  Id unit_ = 0, other_ = 0, round_ = 0, question_ = 0;
  Viewer respondent_, coordinator_;
};
INSTANTIATE_TEST_SUITE_P(Backends, RemindersTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(RemindersTest, ScheduledRemindersGoOutOnThePlannedDaysOnceEachUntilAHandIn) {
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-11-30T08:00:00Z")), 0);  // before the first planned day
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-01T06:00:00Z")), 3);
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-01T06:01:00Z")), 0);  // the same planned day
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-05T12:00:00Z")), 0);
  EXPECT_EQ(reminded(), (std::map<std::string, int>{{"kollega@example.se", 1}, {"kultur@example.se", 1},
                                                     {"svarande@example.se", 1}}));
  ASSERT_TRUE(save_answer(*store_, respondent_, round_, unit_, AnswerInput{question_, "Ja", "", 0}).ok());
  ASSERT_TRUE(hand_in(*store_, respondent_, round_, unit_).ok());
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-12T07:00:00Z")), 1);  // only Kulturförvaltningen
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-22T07:00:00Z")), 1);  // a week after the deadline
  EXPECT_EQ(reminded()["kultur@example.se"], 3);
  EXPECT_EQ(reminded()["svarande@example.se"], 1);

  auto mail = store_->begin_read()->outbox_messages(std::nullopt, 1);
  EXPECT_EQ(mail[0].subject, "Påminnelse: Kulturförvaltningen har inte lämnat in Uppföljning 2026");
  // Audited with the unit, without addresses.
  bool audited = false;
  for (const auto& e : store_->begin_read()->audit_entries({}))
    if (e.action == "reminder_queue") {
      audited = true;
      EXPECT_THAT(e.after_json, Not(HasSubstr("@")));
    }
  EXPECT_TRUE(audited);
}

TEST_P(RemindersTest, AUnitGivenALaterDeadlineIsRemindedByItsOwnDay) {
  ASSERT_TRUE(extend_deadline(*store_, coordinator_, round_, other_, "2026-12-29").ok());
  // 14 days before the round's deadline: only Miljöförvaltningen, whose deadline it is.
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-01T06:00:00Z")), 2);
  EXPECT_EQ(reminded().count("kultur@example.se"), 0u);
  // 14 days before Kulturförvaltningen's own, which its mail names.
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-15T06:00:00Z")), 3);
  EXPECT_EQ(reminded()["kultur@example.se"], 1);
  for (const auto& m : store_->begin_read()->outbox_messages(std::nullopt, 100))
    if (m.recipient == "kultur@example.se") {
      EXPECT_THAT(m.text_body, HasSubstr("2026-12-29"));
    }
}

TEST_P(RemindersTest, TwoServersAtOnceQueueEachReminderOnce) {
  auto second = store::open(db_->url());
  int a = 0, b = 0;
  std::thread one([&] { a = queue_due_reminders(*store_, at("2026-12-12T07:00:00Z")); });
  std::thread two([&] { b = queue_due_reminders(*second, at("2026-12-12T07:00:00Z")); });
  one.join();
  two.join();
  EXPECT_EQ(a + b, 3);
  for (const auto& [to, count] : reminded()) EXPECT_EQ(count, 1) << to;
}

TEST_P(RemindersTest, TheScheduleIsChangedOrTurnedOffAndShowsItsNextSend) {
  {
    auto tx = store_->begin_read();
    auto plan = reminder_plan(*tx, *tx->round(round_), at("2026-12-02T08:00:00Z"));
    EXPECT_EQ(plan.next, "2026-12-12");
    EXPECT_EQ(plan.description, "14 och 3 dagar före, på sista dagen, sedan varje vecka");
  }
  auto bad = set_reminder_schedule(*store_, coordinator_, round_, ReminderInput{.on = true, .days = "tre"});
  ASSERT_EQ(bad.kind, Outcome::Kind::invalid);
  EXPECT_EQ(bad.errors[0].field, "dagar");
  EXPECT_EQ(set_reminder_schedule(*store_, respondent_, round_, ReminderInput{}).kind, Outcome::Kind::not_found);
  ASSERT_TRUE(set_reminder_schedule(*store_, coordinator_, round_, ReminderInput{.on = true, .days = "7", .weekly_after = false}).ok());
  {
    auto tx = store_->begin_read();
    EXPECT_EQ(reminder_plan(*tx, *tx->round(round_), at("2026-12-02T08:00:00Z")).next, "2026-12-08");
  }
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-12T07:00:00Z")), 3);
  ASSERT_TRUE(set_reminder_schedule(*store_, coordinator_, round_, ReminderInput{.on = false}).ok());
  EXPECT_EQ(queue_due_reminders(*store_, at("2026-12-22T07:00:00Z")), 0);
}

TEST_P(RemindersTest, RemindNowGoesToTheChosenUnitsAndArrivesInSwedish) {
  auto preview = reminder_preview(*store_, coordinator_, round_);
  ASSERT_TRUE(preview && preview->mail);
  EXPECT_THAT(preview->mail->text, HasSubstr("Sista dag att lämna in: 2026-12-15."));
  ASSERT_TRUE(remind_round(*store_, coordinator_, round_, {other_}).ok());
  EXPECT_EQ(reminded(), (std::map<std::string, int>{{"kultur@example.se", 1}}));
  EXPECT_EQ(remind_round(*store_, coordinator_, round_, {424242}).kind, Outcome::Kind::invalid);

  testing::SmtpSink sink;
  deliver_due_mail(*store_, SmtpSettings{.url = sink.url(), .from = "Uppsikt <noreply@example.se>"}, system_now());
  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_THAT(messages[0]["subject"].get<std::string>(), HasSubstr("Påminnelse"));
  EXPECT_THAT(messages[0]["text"].get<std::string>(),
              HasSubstr("https://uppsikt.example.se/omgangar/" + std::to_string(round_) + "/svar/" + std::to_string(other_)));
}

}  // namespace
}  // namespace uppsikt::service
