// The pages of mail over real HTTP on the demo city with mail configured: an invitation goes by
// mail instead of on screen and shows in the outbox ("Utskick"), and "Påminn nu" shows the
// units, the reminder as it will read and the schedule, and records the reminder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "service/mail_settings.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class MailPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    service::set_mail_settings(service::MailSettings{.public_url = "https://uppsikt.example.se"});
    demo_ = new testing::DemoServer;
    admin_ = new std::string(demo_->sign_in("admin@demo.uppsikt.se", "demo-admin"));
    coordinator_ = new std::string(demo_->sign_in("samordnare@demo.uppsikt.se", "demo-coordinator"));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete coordinator_;
    delete demo_;
    service::set_mail_settings(std::nullopt);
  }
  static testing::Fetched post(const std::string& target, const std::string& fields, const std::string& cookie) {
    const auto csrf = testing::csrf_of(demo_->get("/", cookie).body);
    return demo_->post(target, "_csrf=" + csrf + "&" + fields, cookie);
  }
  static Id round_2024() { return demo_->store().begin_read()->round_by_name("Uppföljning 2024")->id; }

  static inline testing::DemoServer* demo_;
  static inline std::string* admin_;
  static inline std::string* coordinator_;
};

TEST_F(MailPagesTest, AnInvitationGoesByMailAndShowsInTheOutbox) {
  const Id unit = demo_->store().begin_read()->unit_by_name("Miljöförvaltningen")->id;
  auto invited = post("/admin/personer",
                      "namn=%C3%85sa+%C3%96berg&epost=asa%40demo.uppsikt.se&roll=respondent&enhet=" + std::to_string(unit),
                      *admin_);
  ASSERT_EQ(invited.status, 200) << invited.body;
  EXPECT_THAT(invited.body, HasSubstr("Länken har skickats med e-post till asa@demo.uppsikt.se"));
  EXPECT_THAT(invited.body, Not(HasSubstr("/lank/")));

  auto outbox = demo_->get("/admin/utskick", *admin_);
  ASSERT_EQ(outbox.status, 200);
  EXPECT_THAT(outbox.body, HasSubstr("Välkommen till Uppsikt"));
  EXPECT_THAT(outbox.body, HasSubstr("asa@demo.uppsikt.se"));
  EXPECT_THAT(outbox.body, HasSubstr("I kö"));
  EXPECT_EQ(demo_->get("/admin/utskick", *coordinator_).status, 404);
}

TEST_F(MailPagesTest, RemindNowShowsTheUnitsTheMailAndTheScheduleAndQueuesTheMail) {
  const std::string base = "/omgangar/" + std::to_string(round_2024());
  auto page = demo_->get(base + "/paminn", *coordinator_);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Så här ser brevet ut"));
  EXPECT_THAT(page.body, HasSubstr("Påminnelse"));
  EXPECT_THAT(page.body, HasSubstr("name=\"enhet\""));
  EXPECT_THAT(page.body, HasSubstr("14 och 3 dagar före, på sista dagen, sedan varje vecka"));

  auto bad = post(base + "/paminnelser", "schema=pa&dagar=tre", *coordinator_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#dagar\""));
  EXPECT_EQ(post(base + "/paminnelser", "schema=pa&dagar=5&varje-vecka=ja", *coordinator_).status, 303);
  EXPECT_THAT(demo_->get(base + "/paminn", *coordinator_).body, HasSubstr("5 dagar före, sedan varje vecka"));

  // The first unit listed, as its checkbox names it.
  const std::string marker = "name=\"enhet\" value=\"";
  const auto at = page.body.find(marker) + marker.size();
  const std::string unit = page.body.substr(at, page.body.find('"', at) - at);
  EXPECT_EQ(post(base + "/paminn", "urval=valda", *coordinator_).status, 422);  // none chosen
  ASSERT_EQ(post(base + "/paminn", "urval=valda&enhet=" + unit, *coordinator_).status, 303);
  // Recorded with the chosen unit (who gets mail is the service tests' concern).
  bool reminded = false;
  for (const auto& e : demo_->store().begin_read()->audit_entries({}))
    reminded = reminded || (e.action == "round_remind" && e.after_json.find("\"recipients\"") != std::string::npos);
  EXPECT_TRUE(reminded);
}

}  // namespace
}  // namespace uppsikt::web
