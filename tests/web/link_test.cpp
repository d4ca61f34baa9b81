// The page a one-time link opens, over real HTTP: the form, CSRF, the password policy, one
// use, and signing in afterwards. The demo city with its demo accounts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/one_time_links.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;

using testing::cookie_pair;
using testing::csrf_of;
using testing::Fetched;

class LinkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new testing::DemoServer; }
  static void TearDownTestSuite() { delete demo_; }

  static std::string invite(const std::string& email) {
    auto result = service::invite_user(demo_->store(),
                                       service::NewUser{.email = email, .name = "Inbjuden Person",
                                                        .role = Role::respondent, .unit = "Kulturnämnden"},
                                       service::Actor{});
    EXPECT_TRUE(result.ok()) << result.outcome.message();
    return result.token;
  }
  // Posts the link's form as a browser would: the form cookie and token of `form_page`.
  static Fetched post_form(const std::string& path, const std::string& password, const std::string& repeat,
                           const std::string& form_page = "") {
    auto form = demo_->get(form_page.empty() ? path : form_page);
    return demo_->post(path, "_csrf=" + csrf_of(form.body) + "&losenord=" + password + "&upprepat=" + repeat,
                       cookie_pair(form.headers["set-cookie"]));
  }

  static inline testing::DemoServer* demo_;
};

TEST_F(LinkTest, AnInvitationLinkShowsAFormForThePassword) {
  const auto path = service::link_path(invite("ny1@demo.uppsikt.se"));
  auto page = demo_->get(path);
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Välj ditt lösenord"));
  EXPECT_THAT(page.body, HasSubstr("ny1@demo.uppsikt.se"));
  EXPECT_THAT(page.body, HasSubstr("action=\"" + path + "\""));
  EXPECT_THAT(page.body, HasSubstr("<label class=\"label\" for=\"losenord\">"));
  EXPECT_THAT(page.body, HasSubstr("<label class=\"label\" for=\"upprepat\">"));
  EXPECT_EQ(csrf_of(page.body).size(), 64u);
  EXPECT_EQ(page.headers["cache-control"], "no-store");
}

TEST_F(LinkTest, SettingThePasswordWorksOnceAndThenSignsIn) {
  const auto path = service::link_path(invite("ny2@demo.uppsikt.se"));
  auto done = post_form(path, "en+lång+mening+som+lösenord", "en+lång+mening+som+lösenord");
  EXPECT_EQ(done.status, 200);
  EXPECT_THAT(done.body, HasSubstr("Lösenordet är sparat"));
  EXPECT_NO_THROW(demo_->sign_in("ny2@demo.uppsikt.se", "en+lång+mening+som+lösenord"));
  EXPECT_EQ(demo_->get(path).status, 404);
  // A used link's page has no form; a form token from elsewhere does not bring it back.
  EXPECT_EQ(post_form(path, "ett+annat+långt+lösenord", "ett+annat+långt+lösenord", "/logga-in").status, 404);
}

TEST_F(LinkTest, ErrorsAreShownAtTheirFieldsAndChangeNothing) {
  const auto path = service::link_path(invite("ny3@demo.uppsikt.se"));
  auto differ = post_form(path, "en+lång+mening+som+lösenord", "en+annan+mening");
  EXPECT_EQ(differ.status, 400);
  EXPECT_THAT(differ.body, HasSubstr("href=\"#upprepat\""));
  auto short_one = post_form(path, "kort", "kort");
  EXPECT_EQ(short_one.status, 400);
  EXPECT_THAT(short_one.body, HasSubstr("minst 12 tecken"));
  EXPECT_THAT(short_one.body, HasSubstr("href=\"#losenord\""));
  EXPECT_EQ(demo_->get(path).status, 200);  // still usable
}

TEST_F(LinkTest, WithoutTheCsrfTokenNothingIsSet) {
  const auto path = service::link_path(invite("ny4@demo.uppsikt.se"));
  auto form = demo_->get(path);
  auto refused = demo_->post(path, "losenord=en+lång+mening+som+lösenord&upprepat=en+lång+mening+som+lösenord",
                             cookie_pair(form.headers["set-cookie"]));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(demo_->get(path).status, 200);
}

TEST_F(LinkTest, MadeUpLinksAre404) {
  EXPECT_EQ(demo_->get("/lank/" + std::string(64, 'a')).status, 404);
  EXPECT_EQ(demo_->get("/lank/inte-en-token").status, 404);
}

}  // namespace
}  // namespace uppsikt::web
