// "Mina API-nycklar" over real HTTP: a person makes a token that is shown once and works with
// the API's service, sees it listed with its rights and last use, and revokes it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "service/api_tokens.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::csrf_of;

class ApiTokensPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    cookie_ = demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
  }
  static void TearDownTestSuite() { delete demo_; }

  static testing::Fetched post(const std::string& target, const std::string& body) {
    const std::string csrf = csrf_of(demo_->get("/mina-api-nycklar", cookie_).body);
    return demo_->post(target, "_csrf=" + csrf + (body.empty() ? "" : "&" + body), cookie_);
  }

  static inline testing::DemoServer* demo_;
  static inline std::string cookie_;
};

TEST_F(ApiTokensPageTest, ANewTokenIsShownOnceAndWorks) {
  auto made = post("/mina-api-nycklar", "namn=Diariet&behorighet=andra&dagar=30");
  ASSERT_EQ(made.status, 200);
  EXPECT_EQ(made.headers["cache-control"], "no-store");
  std::smatch token;
  ASSERT_TRUE(std::regex_search(made.body, token, std::regex("upp_[0-9a-f]{64}")));
  auto who = service::authenticate_api_token(demo_->store(), token.str());
  ASSERT_TRUE(who.caller.has_value());
  EXPECT_TRUE(who.caller->can_write);

  auto list = demo_->get("/mina-api-nycklar", cookie_);
  EXPECT_THAT(list.body, HasSubstr("Diariet"));
  EXPECT_THAT(list.body, HasSubstr("Läsa och ändra"));
  EXPECT_THAT(list.body, Not(HasSubstr(token.str())));
}

TEST_F(ApiTokensPageTest, ATokenOpensNoPage) {
  auto made = post("/mina-api-nycklar", "namn=Sidorna&dagar=5");
  std::smatch token;
  ASSERT_TRUE(std::regex_search(made.body, token, std::regex("upp_[0-9a-f]{64}")));
  auto page = testing::fetch(demo_->port(), "GET", "/", "", "Authorization: Bearer " + token.str() + "\r\n");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.headers["location"], "/logga-in");
}

TEST_F(ApiTokensPageTest, ANamelessTokenOrAYearAndADayAreRefusedInSwedish) {
  auto nameless = post("/mina-api-nycklar", "namn=&dagar=30");
  EXPECT_EQ(nameless.status, 422);
  EXPECT_THAT(nameless.body, HasSubstr("Skriv ett namn på nyckeln"));
  auto too_long = post("/mina-api-nycklar", "namn=Länge&dagar=366");
  EXPECT_EQ(too_long.status, 422);
  EXPECT_THAT(too_long.body, HasSubstr("1–365 dagar"));
  EXPECT_THAT(too_long.body, Not(HasSubstr("upp_")));
}

TEST_F(ApiTokensPageTest, ATokenIsRevokedByItsOwner) {
  auto made = post("/mina-api-nycklar", "namn=Tillfällig&dagar=5");
  std::smatch token;
  ASSERT_TRUE(std::regex_search(made.body, token, std::regex("upp_[0-9a-f]{64}")));
  std::smatch action;
  const auto list = demo_->get("/mina-api-nycklar", cookie_).body;
  ASSERT_TRUE(std::regex_search(list, action, std::regex("/mina-api-nycklar/(\\d+)/aterkalla")));
  auto revoked = post(action.str(), "");
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(service::authenticate_api_token(demo_->store(), token.str()).problem, service::TokenProblem::revoked);
  EXPECT_THAT(demo_->get("/mina-api-nycklar", cookie_).body, HasSubstr("Återkallad"));
}

}  // namespace
}  // namespace uppsikt::web
