// One-time links for invitations and password resets, on a real database of every backend:
// 24 hours, one use, only the token's hash stored, the password policy, the audit trail.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "service/accounts.h"
#include "service/one_time_links.h"
#include "service/passwords.h"
#include "service/sessions.h"
#include "service/tokens.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using namespace std::chrono_literals;

constexpr const char* kGoodPassword = "en lång mening som lösenord";

class OneTimeLinkTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Kulturnämnden", .kind = UnitKind::namnd});
    tx->commit();
    options_.clock = clock_;
    options_.sleep = [](std::chrono::milliseconds) {};
  }

  MadeLink invite(const std::string& email) {
    return invite_user(*store_, NewUser{.email = email, .name = "Kim Kultur", .role = Role::respondent, .unit = "Kulturnämnden"},
                       Actor{}, clock_);
  }
  Outcome::Kind sign_in_as(const std::string& email, const std::string& password) {
    return sign_in(*store_, email, password, "10.0.0.1", "", options_).outcome.kind;
  }
  std::size_t audits(const std::string& action) {
    std::size_t n = 0;
    for (const auto& e : store_->begin_read()->audit_entries({})) n += e.action == action;
    return n;
  }

  TimePoint now_ = *from_iso("2026-11-25T09:00:00Z");
  Clock clock_ = [this] { return now_; };
  SessionOptions options_;
};
INSTANTIATE_TEST_SUITE_P(Backends, OneTimeLinkTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(OneTimeLinkTest, AnInvitationLetsThePersonChooseAPasswordOnce) {
  auto invited = invite("kim@kultur.se");
  ASSERT_TRUE(invited.ok()) << invited.outcome.message();
  EXPECT_TRUE(looks_like_token(invited.token));
  EXPECT_EQ(link_path(invited.token), "/lank/" + invited.token);
  // Only the hash is stored.
  EXPECT_FALSE(store_->begin_read()->one_time_link(invited.token));
  EXPECT_TRUE(store_->begin_read()->one_time_link(hash_token(invited.token)));

  auto holder = open_link(*store_, invited.token, clock_);
  ASSERT_TRUE(holder);
  EXPECT_EQ(holder->email, "kim@kultur.se");
  EXPECT_EQ(holder->purpose, LinkPurpose::invitation);
  EXPECT_NE(sign_in_as("kim@kultur.se", kGoodPassword), Outcome::Kind::done);

  EXPECT_TRUE(use_link(*store_, invited.token, kGoodPassword, Actor{}, clock_).ok());
  EXPECT_EQ(sign_in_as("kim@kultur.se", kGoodPassword), Outcome::Kind::done);
  // Single use.
  EXPECT_FALSE(open_link(*store_, invited.token, clock_));
  auto again = use_link(*store_, invited.token, "ett annat långt lösenord", Actor{}, clock_);
  EXPECT_EQ(again.message(), kLinkDead);
  EXPECT_EQ(again.kind, Outcome::Kind::conflict);
  EXPECT_EQ(sign_in_as("kim@kultur.se", kGoodPassword), Outcome::Kind::done);
}

TEST_P(OneTimeLinkTest, ALinkLivesTwentyFourHours) {
  auto invited = invite("kim@kultur.se");
  now_ += 23h + 59min;
  EXPECT_TRUE(open_link(*store_, invited.token, clock_));
  now_ += 1min;
  EXPECT_FALSE(open_link(*store_, invited.token, clock_));
  EXPECT_EQ(use_link(*store_, invited.token, kGoodPassword, Actor{}, clock_).message(), kLinkDead);
}

TEST_P(OneTimeLinkTest, ThePasswordPolicyHoldsAndARefusalLeavesTheLinkUsable) {
  auto invited = invite("kim@kultur.se");
  EXPECT_EQ(use_link(*store_, invited.token, "kort", Actor{}, clock_).message(), "Lösenordet måste ha minst 12 tecken.");
  EXPECT_TRUE(use_link(*store_, invited.token, "password1234", Actor{}, clock_).message().find("vanligaste") !=
              std::string::npos);
  EXPECT_TRUE(open_link(*store_, invited.token, clock_));
  EXPECT_EQ(audits("password_set"), 0u);
  EXPECT_TRUE(use_link(*store_, invited.token, kGoodPassword, Actor{}, clock_).ok());
  EXPECT_EQ(audits("password_set"), 1u);
}

TEST_P(OneTimeLinkTest, AResetLinkKeepsTheOldPasswordUntilUsedThenEndsSessions) {
  ASSERT_TRUE(add_user(*store_, NewUser{.email = "ada@kultur.se", .name = "Ada", .password = kGoodPassword,
                                        .role = Role::reader, .unit = "Kulturnämnden"},
                       Actor{})
                  .ok());
  auto session = sign_in(*store_, "ada@kultur.se", kGoodPassword, "10.0.0.1", "", options_);
  ASSERT_EQ(session.outcome.kind, Outcome::Kind::done);
  auto reset = reset_link(*store_, "ADA@kultur.se", Actor{}, clock_);
  ASSERT_TRUE(reset.ok()) << reset.outcome.message();
  EXPECT_EQ(open_link(*store_, reset.token, clock_)->purpose, LinkPurpose::reset);
  EXPECT_TRUE(resume_session(*store_, session.token, options_));

  EXPECT_TRUE(use_link(*store_, reset.token, "ett helt nytt lösenord", Actor{}, clock_).ok());
  EXPECT_FALSE(resume_session(*store_, session.token, options_));
  EXPECT_NE(sign_in_as("ada@kultur.se", kGoodPassword), Outcome::Kind::done);
  EXPECT_EQ(sign_in_as("ada@kultur.se", "ett helt nytt lösenord"), Outcome::Kind::done);

  EXPECT_FALSE(reset_link(*store_, "ingen@kultur.se", Actor{}, clock_).ok());
}

TEST_P(OneTimeLinkTest, MadeUpAndMalformedTokensOpenNothing) {
  invite("kim@kultur.se");
  EXPECT_FALSE(open_link(*store_, random_token(), clock_));
  EXPECT_FALSE(open_link(*store_, "../../etc/passwd", clock_));
  EXPECT_FALSE(open_link(*store_, "", clock_));
  EXPECT_EQ(use_link(*store_, random_token(), kGoodPassword, Actor{}, clock_).message(), kLinkDead);
}

TEST_P(OneTimeLinkTest, EachLinkIsAuditedWithTheChangeAndAFailedInvitationLeavesNothing) {
  EXPECT_TRUE(invite("kim@kultur.se").ok());
  EXPECT_EQ(audits("link_add"), 1u);
  EXPECT_EQ(audits("user_add"), 1u);
  auto taken = invite("kim@kultur.se");
  EXPECT_FALSE(taken.ok());
  auto unknown_unit = invite_user(*store_, NewUser{.email = "x@kultur.se", .name = "X", .unit = "Ingen"}, Actor{}, clock_);
  EXPECT_FALSE(unknown_unit.ok());
  EXPECT_EQ(audits("link_add"), 1u);
  EXPECT_EQ(audits("user_add"), 1u);
  EXPECT_FALSE(store_->begin_read()->user_by_email("x@kultur.se"));
}

TEST_P(OneTimeLinkTest, TheFirstAdminIsInvitedOnlyOnce) {
  auto first = invite_first_admin(*store_, NewUser{.email = "chef@kultur.se", .name = "Chef"}, Actor{}, clock_);
  ASSERT_TRUE(first.ok()) << first.outcome.message();
  EXPECT_TRUE(has_admin(*store_));
  EXPECT_TRUE(use_link(*store_, first.token, kGoodPassword, Actor{}, clock_).ok());
  EXPECT_EQ(sign_in_as("chef@kultur.se", kGoodPassword), Outcome::Kind::done);
  EXPECT_FALSE(invite_first_admin(*store_, NewUser{.email = "nr2@kultur.se", .name = "Två"}, Actor{}, clock_).ok());
}

}  // namespace
}  // namespace uppsikt::service
