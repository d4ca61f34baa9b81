// The coordinators' digest on every backend, with the service clock set: nothing before the
// first period after the choice, one message at the period, none again (also after a restart),
// nothing for those who have it off or have nothing to hear of; names of units only, never a
// message or comment; and one digest as it reaches a real SMTP server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>

#include "service/digests.h"
#include "service/mail_preferences.h"
#include "service/mail_settings.h"
#include "service/outbox.h"
#include "support/backends.h"
#include "support/smtp_sink.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class DigestsTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    unit_ = tx->add_unit(Unit{.parent_id = city, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
    other_ = tx->add_unit(Unit{.parent_id = city, .name = "Kulturförvaltningen", .kind = UnitKind::forvaltning});
    round_ = tx->add_round(Round{.name = "Uppföljning 2026", .year = 2026, .status = RoundStatus::open,
                                 .deadline = "2026-12-15", .unit_id = city});
    tx->add_response(Response{.round_id = round_, .unit_id = unit_});
    tx->add_response(Response{.round_id = round_, .unit_id = other_});
    coordinator_ = person(*tx, "samordnare", Role::coordinator, city);
    quiet_ = person(*tx, "tyst", Role::coordinator, city);
    respondent_ = person(*tx, "svarande", Role::respondent, unit_);
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
  static Clock clock_at(const char* iso) {
    return [iso] { return at(iso); };
  }
  void event(Id unit, ResponseEventKind kind, const char* when, const std::string& message = "") {
    auto tx = store_->begin();
    tx->add_response_event(ResponseEvent{.response_id = tx->response_of(round_, unit)->id, .kind = kind,
                                         .at = when, .message = message});
    tx->commit();
  }
  std::vector<OutboxMessage> digests() {
    std::vector<OutboxMessage> out;
    for (auto& m : store_->begin_read()->outbox_messages(std::nullopt, 1000))
      if (m.kind == "digest") out.push_back(std::move(m));
    return out;
  }

  Id unit_ = 0, other_ = 0, round_ = 0;
  Viewer coordinator_, quiet_, respondent_;
};
INSTANTIATE_TEST_SUITE_P(Backends, DigestsTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(DigestsTest, ADailyDigestComesOncePerDayFromTheDayAfterTheChoice) {
  ASSERT_TRUE(set_digest_frequency(*store_, coordinator_, "daily", clock_at("2026-12-01T10:00:00Z")).ok());
  event(unit_, ResponseEventKind::handed_in, "2026-12-01T12:00:00Z");
  event(other_, ResponseEventKind::returned, "2026-12-01T13:00:00Z", "Hemlig synpunkt om svaren");

  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-01T23:00:00Z")), 0);  // chosen during this day
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-02T00:05:00Z")), 1);
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-02T18:00:00Z")), 0);  // once per day
  auto restarted = store::open(db_->url());
  EXPECT_EQ(queue_due_digests(*restarted, at("2026-12-02T19:00:00Z")), 0);  // also after a restart
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-03T00:10:00Z")), 0);  // nothing happened, nobody late

  const auto mail = digests();
  ASSERT_EQ(mail.size(), 1u);  // none for the coordinator who has it off
  EXPECT_EQ(mail[0].recipient, "samordnare@example.se");
  EXPECT_EQ(mail[0].subject, "Dagens sammanfattning från Uppsikt");
  EXPECT_THAT(mail[0].text_body, HasSubstr("sedan 2026-12-01"));
  EXPECT_THAT(mail[0].text_body, HasSubstr("inlämnade 1 (Miljöförvaltningen)"));
  EXPECT_THAT(mail[0].text_body, HasSubstr("återlämnade 1 (Kulturförvaltningen)"));
  EXPECT_THAT(mail[0].text_body, HasSubstr("försenade 0"));
  EXPECT_THAT(mail[0].text_body + mail[0].html_body, Not(HasSubstr("Hemlig")));

  int audited = 0;
  for (const auto& e : store_->begin_read()->audit_entries({}))
    if (e.action == "digest_queue") {
      ++audited;
      EXPECT_EQ(e.after_json.find('@'), std::string::npos);
    }
  EXPECT_EQ(audited, 2);  // the day with a message and the day without
}

TEST_P(DigestsTest, AWeeklyDigestComesOnMondaysAndNamesTheLateUnits) {
  ASSERT_TRUE(set_digest_frequency(*store_, coordinator_, "weekly", clock_at("2026-12-16T09:00:00Z")).ok());
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-20T12:00:00Z")), 0);  // Sunday
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-21T06:00:00Z")), 1);  // Monday
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-27T06:00:00Z")), 0);  // the same week
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-28T06:00:00Z")), 1);  // the next Monday
  const auto mail = digests();
  ASSERT_EQ(mail.size(), 2u);
  EXPECT_EQ(mail[0].subject, "Veckans sammanfattning från Uppsikt");
  EXPECT_THAT(mail[0].text_body, HasSubstr("försenade 2 (Kulturförvaltningen, Miljöförvaltningen)"));
}

TEST_P(DigestsTest, OnlyThoseWhoRunRoundsMayTurnItOnAndOffMeansNone) {
  auto refused = set_digest_frequency(*store_, respondent_, "daily");
  ASSERT_EQ(refused.kind, Outcome::Kind::invalid);
  EXPECT_EQ(refused.errors[0].field, "sammanfattning");
  EXPECT_TRUE(set_digest_frequency(*store_, respondent_, "off").ok());
  ASSERT_TRUE(set_digest_frequency(*store_, coordinator_, "daily", clock_at("2026-12-01T10:00:00Z")).ok());
  ASSERT_TRUE(set_digest_frequency(*store_, coordinator_, "off", clock_at("2026-12-01T11:00:00Z")).ok());
  EXPECT_EQ(queue_due_digests(*store_, at("2026-12-20T06:00:00Z")), 0);
  EXPECT_TRUE(digests().empty());
}

TEST_P(DigestsTest, ADigestReachesARealSmtpServerInSwedish) {
  ASSERT_TRUE(set_digest_frequency(*store_, coordinator_, "daily", clock_at("2026-12-16T09:00:00Z")).ok());
  ASSERT_EQ(queue_due_digests(*store_, at("2026-12-17T06:00:00Z")), 1);
  testing::SmtpSink sink;
  deliver_due_mail(*store_, SmtpSettings{.url = sink.url(), .from = "Uppsikt <noreply@example.se>"},
                   at("2026-12-17T06:00:01Z"));
  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["subject"].get<std::string>(), "Dagens sammanfattning från Uppsikt");
  EXPECT_THAT(messages[0]["text"].get<std::string>(), HasSubstr("Miljöförvaltningen"));
  EXPECT_THAT(messages[0]["text"].get<std::string>(), HasSubstr("https://uppsikt.example.se/"));
}

}  // namespace
}  // namespace uppsikt::service
