// "E-postinställningar" over real HTTP on the demo city: linked from every page's header, it
// says which mail cannot be turned off, lets a coordinator choose the digest (saved, audited,
// a notice on the next page) and offers no digest to someone who runs no round.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class MailPreferencesPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new testing::DemoServer; }
  static void TearDownTestSuite() { delete demo_; }
  static testing::Fetched post(const std::string& fields, const std::string& cookie) {
    const auto csrf = testing::csrf_of(demo_->get("/", cookie).body);
    return demo_->post("/mina-installningar/e-post", "_csrf=" + csrf + "&" + fields, cookie);
  }
  static inline testing::DemoServer* demo_;
};

TEST_F(MailPreferencesPageTest, ACoordinatorTurnsTheDigestOnWeeklyAndSeesItSaved) {
  const auto cookie = demo_->sign_in("samordnare@demo.uppsikt.se", "demo-coordinator");
  const auto home = demo_->get("/", cookie);
  EXPECT_THAT(home.body, HasSubstr("href=\"/mina-installningar/e-post\""));

  const auto before = demo_->get("/mina-installningar/e-post", cookie);
  ASSERT_EQ(before.status, 200);
  EXPECT_THAT(before.body, HasSubstr("går inte att stänga av"));
  EXPECT_THAT(before.body, HasSubstr("value=\"off\" checked"));

  const auto saved = post("sammanfattning=weekly", cookie);
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.headers.at("location"), "/mina-installningar/e-post?sparat=1");
  const auto after = demo_->get(saved.headers.at("location"), cookie);
  EXPECT_THAT(after.body, HasSubstr("Dina e-postinställningar är sparade"));
  EXPECT_THAT(after.body, HasSubstr("value=\"weekly\" checked"));
  EXPECT_THAT(after.body, Not(HasSubstr("value=\"off\" checked")));

  auto tx = demo_->store().begin_read();
  const auto user = tx->user_by_email("samordnare@demo.uppsikt.se");
  ASSERT_TRUE(user);
  EXPECT_EQ(tx->digest_frequency(user->id), DigestFrequency::weekly);
  int audited = 0;
  for (const auto& entry : tx->audit_entries({.user_id = user->id}))
    if (entry.action == "mail_preferences") ++audited;
  EXPECT_EQ(audited, 1);
}

TEST_F(MailPreferencesPageTest, AnUnknownChoiceIsRefusedWithASwedishMessage) {
  const auto cookie = demo_->sign_in("samordnare@demo.uppsikt.se", "demo-coordinator");
  const auto refused = post("sammanfattning=varje-timme", cookie);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("Välj hur ofta du vill få sammanfattningen."));
}

TEST_F(MailPreferencesPageTest, ARespondentIsOfferedNoDigestAndCannotTurnItOn) {
  const auto cookie = demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
  const auto page = demo_->get("/mina-installningar/e-post", cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("påminnelser om svar som dina enheter inte har lämnat in"));
  EXPECT_THAT(page.body, Not(HasSubstr("name=\"sammanfattning\"")));
  EXPECT_EQ(post("sammanfattning=daily", cookie).status, 422);
}

}  // namespace
}  // namespace uppsikt::web
