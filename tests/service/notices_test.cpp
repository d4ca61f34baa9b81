// The mail a round's events cause, queued with the event on every backend: opening mails the
// respondents of every unit, a hand-in the approver (or the coordinators without approval),
// a send-back or return the respondents with the message. One goes on to a real SMTP server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>

#include "service/answering.h"
#include "service/mail_settings.h"
#include "service/outbox.h"
#include "service/round_admin.h"
#include "support/backends.h"
#include "support/smtp_sink.h"

namespace uppsikt::service {
namespace {

using ::testing::Not;

using ::testing::HasSubstr;

class NoticesTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    const Id board = tx->add_unit(Unit{.parent_id = city, .name = "Miljö- och klimatnämnden", .kind = UnitKind::namnd});
    unit_ = tx->add_unit(Unit{.parent_id = board, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
    other_ = tx->add_unit(Unit{.parent_id = city, .name = "Kulturförvaltningen", .kind = UnitKind::forvaltning});
    const Id scale = tx->add_scale(Scale{.name = "Standard", .options = standard_options()});
    round_ = tx->add_round(Round{.name = "Uppföljning 2026", .year = 2026, .deadline = "2026-12-15",
                                 .requires_approval = true, .unit_id = city});
    question_ = tx->add_question(Question{.round_id = round_, .position = 1, .text = "Finns en plan?", .scale_id = scale});
    tx->add_response(Response{.round_id = round_, .unit_id = unit_});
    tx->add_response(Response{.round_id = round_, .unit_id = other_});
    respondent_ = person(*tx, "svarande", Role::respondent, unit_);
    person(*tx, "kollega", Role::respondent, unit_);
    person(*tx, "kultur", Role::respondent, other_);
    approver_ = person(*tx, "godkannare", Role::approver, board);
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
  // The queued messages of `kind`, by recipient.
  std::map<std::string, OutboxMessage> queued(const std::string& kind) {
    std::map<std::string, OutboxMessage> out;
    for (auto& m : store_->begin_read()->outbox_messages(std::nullopt, 100))
      if (m.kind == kind) out.emplace(m.recipient, m);
    return out;
  }
  void open_and_hand_in() {
    ASSERT_TRUE(open_round(*store_, coordinator_, round_, Confirmed::yes).ok());
    ASSERT_TRUE(save_answer(*store_, respondent_, round_, unit_, AnswerInput{question_, "Ja", "", 0}).ok());
    ASSERT_TRUE(hand_in(*store_, respondent_, round_, unit_).ok());
  }
  std::string link() const {
    return "https://uppsikt.example.se/omgangar/" + std::to_string(round_) + "/svar/" + std::to_string(unit_);
  }

  Id unit_ = 0, other_ = 0, round_ = 0, question_ = 0;
  Viewer respondent_, approver_, coordinator_;
};
INSTANTIATE_TEST_SUITE_P(Backends, NoticesTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(NoticesTest, OpeningARoundMailsTheRespondentsOfEveryUnitInSwedish) {
  ASSERT_TRUE(open_round(*store_, coordinator_, round_, Confirmed::yes).ok());
  auto mail = queued("round_opened");
  ASSERT_EQ(mail.size(), 3u);
  const auto& m = mail.at("svarande@example.se");
  EXPECT_EQ(m.subject, "Uppföljning 2026 är öppen för Miljöförvaltningen");
  EXPECT_THAT(m.text_body, HasSubstr("Sista dag att lämna in: 2026-12-15."));
  EXPECT_THAT(m.text_body, HasSubstr(link()));
  EXPECT_EQ(m.unit_id, unit_);
  EXPECT_EQ(mail.at("kultur@example.se").subject, "Uppföljning 2026 är öppen för Kulturförvaltningen");

  testing::SmtpSink sink;
  deliver_due_mail(*store_, SmtpSettings{.url = sink.url(), .from = "Uppsikt <noreply@example.se>"}, system_now());
  std::set<std::string> subjects;
  for (const auto& message : sink.messages()) subjects.insert(message["subject"].get<std::string>());
  EXPECT_TRUE(subjects.contains("Uppföljning 2026 är öppen för Miljöförvaltningen"));
  EXPECT_EQ(sink.messages().size(), 3u);
}

TEST_P(NoticesTest, AHandInMailsTheApproverAndASendBackTheRespondentsWithTheMessage) {
  open_and_hand_in();
  auto handed_in = queued("handed_in");
  ASSERT_EQ(handed_in.size(), 1u);
  EXPECT_EQ(handed_in.begin()->first, "godkannare@example.se");
  EXPECT_EQ(handed_in.begin()->second.subject, "Miljöförvaltningen har lämnat in Uppföljning 2026");
  EXPECT_THAT(handed_in.begin()->second.text_body, HasSubstr("väntar på ditt godkännande"));

  ASSERT_TRUE(send_back(*store_, approver_, round_, unit_, "Komplettera fråga 1.").ok());
  auto sent_back = queued("sent_back");
  ASSERT_EQ(sent_back.size(), 2u);
  EXPECT_THAT(sent_back.at("kollega@example.se").text_body, HasSubstr("Meddelande: Komplettera fråga 1."));
  // No answer travels by mail.
  for (const auto& [to, m] : sent_back) EXPECT_THAT(m.text_body, Not(HasSubstr("Ja")));
}

TEST_P(NoticesTest, WithoutApprovalAHandInMailsTheCoordinatorAndAnApprovalTheRespondents) {
  {
    auto tx = store_->begin();
    auto round = *tx->round(round_);
    round.requires_approval = false;
    tx->update_round(round);
    tx->commit();
  }
  open_and_hand_in();
  auto handed_in = queued("handed_in");
  ASSERT_EQ(handed_in.size(), 1u);
  EXPECT_EQ(handed_in.begin()->first, "samordnare@example.se");
  ASSERT_TRUE(return_response(*store_, coordinator_, round_, unit_, "Fel enhet angiven.", Confirmed::yes).ok());
  EXPECT_EQ(queued("returned").size(), 2u);
}

TEST_P(NoticesTest, ARefusedHandInQueuesNothing) {
  ASSERT_TRUE(open_round(*store_, coordinator_, round_, Confirmed::yes).ok());
  EXPECT_FALSE(hand_in(*store_, respondent_, round_, unit_).ok());  // nothing answered
  EXPECT_TRUE(queued("handed_in").empty());
}

}  // namespace
}  // namespace uppsikt::service
