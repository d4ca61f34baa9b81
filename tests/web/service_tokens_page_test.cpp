// "API-nycklar för system" over real HTTP: an admin makes a service token with a role on a unit,
// sees it once, finds it acting with that role only, lists and revokes it; a refused form says
// what is wrong at the field.
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

class ServiceTokensPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    cookie_ = demo_->sign_in("admin@demo.uppsikt.se", "demo-admin");
  }
  static void TearDownTestSuite() { delete demo_; }

  static testing::Fetched post(const std::string& target, const std::string& body) {
    const std::string csrf = csrf_of(demo_->get("/admin/api-nycklar", cookie_).body);
    return demo_->post(target, "_csrf=" + csrf + "&" + body, cookie_);
  }

  static inline testing::DemoServer* demo_;
  static inline std::string cookie_;
};

TEST_F(ServiceTokensPageTest, AServiceTokenIsShownOnceAndActsWithItsRoleOnItsUnitOnly) {
  const Id unit = demo_->unit_id("Miljöförvaltningen");
  auto made = post("/admin/api-nycklar", "namn=Stadens+BI&roll=reader&enhet=" + std::to_string(unit) + "&dagar=30");
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.headers["cache-control"], "no-store");
  std::smatch token;
  ASSERT_TRUE(std::regex_search(made.body, token, std::regex("upp_[0-9a-f]{64}")));
  auto who = service::authenticate_api_token(demo_->store(), token.str());
  ASSERT_TRUE(who.caller.has_value());
  ASSERT_EQ(who.caller->viewer.grants.size(), 1u);
  EXPECT_EQ(who.caller->viewer.grants[0].role, Role::reader);
  EXPECT_EQ(who.caller->viewer.grants[0].unit_id, unit);
  EXPECT_FALSE(who.caller->can_write);

  auto list = demo_->get("/admin/api-nycklar", cookie_);
  EXPECT_THAT(list.body, HasSubstr("Stadens BI"));
  EXPECT_THAT(list.body, HasSubstr("Läsare på Miljöförvaltningen"));
  EXPECT_THAT(list.body, Not(HasSubstr(token.str())));
  EXPECT_THAT(demo_->get("/mina-api-nycklar", cookie_).body, Not(HasSubstr("Stadens BI")))
      << "a service token is not the admin's own";

  auto revoked = post("/admin/api-nycklar/" + std::to_string(who.caller->token_id) + "/aterkalla", "");
  EXPECT_EQ(revoked.status, 303);
  EXPECT_THAT(demo_->get("/admin/api-nycklar", cookie_).body, HasSubstr("Återkallad"));
  EXPECT_FALSE(service::authenticate_api_token(demo_->store(), token.str()).caller.has_value());
}

TEST_F(ServiceTokensPageTest, AnAdminRoleAndAWritingReaderAreRefusedAtTheirField) {
  const std::string unit = std::to_string(demo_->unit_id("Miljöförvaltningen"));
  auto admin = post("/admin/api-nycklar", "namn=Allt&roll=admin&enhet=" + unit + "&dagar=30");
  EXPECT_EQ(admin.status, 422);
  EXPECT_THAT(admin.body, HasSubstr("En tjänstenyckel kan inte administrera."));
  EXPECT_THAT(admin.body, HasSubstr(R"(id="roll" name="roll" aria-invalid="true")"));
  auto writing = post("/admin/api-nycklar", "namn=Skriv&roll=reader&behorighet=andra&enhet=" + unit + "&dagar=30");
  EXPECT_EQ(writing.status, 422);
  EXPECT_THAT(writing.body, HasSubstr("En läsare kan inte ändra."));
  EXPECT_THAT(writing.body, HasSubstr(R"(value="Skriv")")) << "the form keeps what was written";
}

}  // namespace
}  // namespace uppsikt::web
