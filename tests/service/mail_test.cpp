// Mail through the outbox to a real SMTP server on loopback (tests/support/smtp_sink.py), on a
// real database of every backend: what arrives (decoded by Python's email package), an outage
// that loses nothing, refusals, and two senders that never send one message twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "service/mail_sender.h"
#include "service/mail_settings.h"
#include "service/one_time_links.h"
#include "service/outbox.h"
#include "support/backends.h"
#include "support/smtp_sink.h"

namespace uppsikt::service {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

class MailTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Kulturnämnden", .kind = UnitKind::namnd});
    tx->commit();
    set_mail_settings(MailSettings{.public_url = "https://uppsikt.example.se/"});
  }
  void TearDown() override {
    set_mail_settings(std::nullopt);
    BackendTest::TearDown();
  }

  MadeLink invite(const std::string& email, const std::string& name = "Åsa Öberg") {
    return invite_user(*store_, NewUser{.email = email, .name = name, .role = Role::respondent, .unit = "Kulturnämnden"},
                       Actor{}, clock_);
  }
  SmtpSettings smtp(const testing::SmtpSink& sink) const {
    return SmtpSettings{.url = sink.url(), .from = "Uppsikt Göteborg <noreply@uppsikt.example.se>"};
  }
  std::vector<OutboxMessage> outbox() { return store_->begin_read()->outbox_messages(std::nullopt, 100); }

  TimePoint now_ = *from_iso("2026-11-25T09:00:00Z");
  Clock clock_ = [this] { return now_; };
};
INSTANTIATE_TEST_SUITE_P(Backends, MailTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(MailTest, AnInvitationArrivesInSwedishWithItsLinkAndTheLinkWorks) {
  testing::SmtpSink sink;
  auto invited = invite("asa@kultur.se");
  ASSERT_TRUE(invited.ok()) << invited.outcome.message();
  EXPECT_TRUE(invited.mailed);
  ASSERT_EQ(outbox().size(), 1u);

  auto pass = deliver_due_mail(*store_, smtp(sink), now_);
  EXPECT_EQ(pass.accepted, 1);
  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  const auto& m = messages[0];
  EXPECT_EQ(m["subject"], "Välkommen till Uppsikt");
  EXPECT_EQ(m["to"], "Åsa Öberg <asa@kultur.se>");
  EXPECT_EQ(m["from"], "Uppsikt Göteborg <noreply@uppsikt.example.se>");
  EXPECT_EQ(m["rcpt_tos"], nlohmann::json::array({"asa@kultur.se"}));
  EXPECT_EQ(m["content_type"], "multipart/alternative");
  EXPECT_EQ(m["auto_submitted"], "auto-generated");
  EXPECT_THAT(m["message_id"].get<std::string>(), HasSubstr("@uppsikt.example.se>"));
  EXPECT_THAT(m["date"].get<std::string>(), HasSubstr("25 Nov 2026 09:00:00"));
  // The headers went over the wire encoded (RFC 2047), not as raw UTF-8.
  EXPECT_THAT(m["raw"].get<std::string>(), HasSubstr("Subject: =?"));
  const std::string link = "https://uppsikt.example.se/lank/" + invited.token;
  EXPECT_THAT(m["text"].get<std::string>(), HasSubstr("Hej Åsa Öberg!"));
  EXPECT_THAT(m["text"].get<std::string>(), HasSubstr(link));
  EXPECT_THAT(m["html"].get<std::string>(), HasSubstr("href=\"" + link + "\""));

  EXPECT_EQ(outbox()[0].status, OutboxStatus::sent);
  EXPECT_TRUE(use_link(*store_, invited.token, "en lång mening som lösenord", Actor{}, clock_).ok());
}

TEST_P(MailTest, WithoutMailTheLinkIsShownAndNothingIsQueued) {
  set_mail_settings(std::nullopt);
  auto invited = invite("kim@kultur.se");
  ASSERT_TRUE(invited.ok());
  EXPECT_FALSE(invited.mailed);
  EXPECT_TRUE(outbox().empty());
}

TEST_P(MailTest, ARefusedEventQueuesNoMail) {
  ASSERT_TRUE(invite("kim@kultur.se").ok());
  EXPECT_FALSE(invite("kim@kultur.se").ok());  // the address is taken: rolled back
  EXPECT_EQ(outbox().size(), 1u);
}

TEST_P(MailTest, WhileTheMailServerIsDownMailWaitsAndIsDeliveredOnceAfter) {
  testing::SmtpSink sink(false);
  ASSERT_TRUE(invite("kim@kultur.se").ok());
  ASSERT_TRUE(reset_link(*store_, "kim@kultur.se", Actor{}, clock_).ok());

  auto pass = deliver_due_mail(*store_, smtp(sink), now_);
  EXPECT_EQ(pass.waiting, 2);
  for (const auto& m : outbox()) {
    EXPECT_EQ(m.status, OutboxStatus::queued);
    EXPECT_THAT(m.last_error, HasSubstr("Kan inte nå e-postservern"));
    EXPECT_EQ(m.next_attempt_at, "2026-11-25T09:00:30Z");
  }
  // Not due yet: nothing is tried.
  EXPECT_FALSE(deliver_due_mail(*store_, smtp(sink), now_ + 10s).any());

  sink.start();
  pass = deliver_due_mail(*store_, smtp(sink), now_ + 31s);
  EXPECT_EQ(pass.accepted, 2);
  EXPECT_FALSE(deliver_due_mail(*store_, smtp(sink), now_ + 1h).any());
  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0]["subject"], "Välkommen till Uppsikt");
  EXPECT_EQ(messages[1]["subject"], "Nytt lösenord i Uppsikt");
}

TEST_P(MailTest, ARefusedAddressFailsWithTheServersAnswerAndCanBeQueuedAgain) {
  testing::SmtpSink sink;
  ASSERT_TRUE(invite("okand@kultur.se").ok());
  ASSERT_TRUE(invite("senare@kultur.se", "Sam Senare").ok());
  auto pass = deliver_due_mail(*store_, smtp(sink), now_);
  EXPECT_EQ(pass.failed, 1);
  EXPECT_EQ(pass.waiting, 1);
  for (const auto& m : outbox()) {
    if (m.recipient == "okand@kultur.se") {
      EXPECT_EQ(m.status, OutboxStatus::failed);
      EXPECT_THAT(m.last_error, HasSubstr("E-postservern vägrade ta emot brevet"));
      EXPECT_THAT(m.last_error, HasSubstr("550"));
    } else {
      EXPECT_EQ(m.status, OutboxStatus::queued);
      EXPECT_THAT(m.last_error, HasSubstr("451"));
    }
  }
  // A temporary refusal for a day gives up too.
  pass = deliver_due_mail(*store_, smtp(sink), now_ + 25h);
  EXPECT_EQ(pass.failed, 1);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_P(MailTest, TheSenderThreadOfTheServerDeliversWhatIsQueued) {
  testing::SmtpSink sink;
  MailSender sender(*store_, MailSenderOptions{.smtp = smtp(sink), .poll = 20ms, .clock = clock_});
  ASSERT_TRUE(invite("kim@kultur.se").ok());
  for (int i = 0; i < 250 && sink.messages().empty(); ++i) std::this_thread::sleep_for(20ms);
  ASSERT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(sink.messages()[0]["rcpt_tos"][0], "kim@kultur.se");
}

TEST_P(MailTest, TwoSendersAtOnceNeverSendTheSameMessageTwice) {
  testing::SmtpSink sink;
  for (int i = 0; i < 9; ++i) ASSERT_TRUE(invite("person" + std::to_string(i) + "@kultur.se").ok());
  RetryPolicy policy;
  policy.batch = 2;
  auto drain = [&] {
    while (deliver_due_mail(*store_, smtp(sink), now_, policy).any()) {
    }
  };
  std::thread a(drain), b(drain), c(drain);
  a.join();
  b.join();
  c.join();
  std::multiset<std::string> to;
  for (const auto& m : sink.messages()) to.insert(m["rcpt_tos"][0].get<std::string>());
  EXPECT_EQ(to.size(), 9u);
  for (const auto& address : to) EXPECT_EQ(to.count(address), 1u) << address;
}

}  // namespace
}  // namespace uppsikt::service
