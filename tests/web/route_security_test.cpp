// Rules that hold for every route of the route table, so that a new route is covered the day
// it is added: only its methods are allowed (405 with Allow otherwise), every state-changing
// request without the session's CSRF token is refused (403, audited, nothing done), and a
// session ends when idle or too old.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>

#include "http/router.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using namespace std::chrono_literals;
using testing::csrf_of;

// The pattern with every placeholder as "1": a path the route matches.
std::string any_path(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    out += '1';
    i = pattern.find('}', i);
  }
  return out;
}

class RouteSecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer([](Site& site) {
      site.sessions.clock = [] { return service::system_now() + std::chrono::minutes(shift_minutes_.load()); };
    });
    http::Router router;
    add_routes(router, demo_->site());
    for (const auto& e : router.entries()) methods_[e.pattern].insert(e.method);
  }
  static void TearDownTestSuite() { delete demo_; }

  static std::size_t csrf_refusals() {
    std::size_t n = 0;
    for (const auto& e : demo_->store().begin_read()->audit_entries({}))
      n += e.action == "refused" && e.after_json.find("csrf") != std::string::npos;
    return n;
  }

  static inline testing::DemoServer* demo_;
  static inline std::map<std::string, std::set<std::string>> methods_;  // pattern → methods
  static inline std::atomic<int> shift_minutes_{0};                       // the sessions' clock runs ahead
};

TEST_F(RouteSecurityTest, EveryRouteAnswersOtherMethodsWith405AndAllow) {
  const std::string session = demo_->sign_in("admin@demo.uppsikt.se", "demo-admin");
  for (const auto& [pattern, methods] : methods_) {
    std::set<std::string> allowed = methods;
    if (allowed.contains("GET")) allowed.insert("HEAD");
    std::string allow;
    for (const auto& m : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
      if (allowed.contains(m)) allow += (allow.empty() ? "" : ", ") + std::string{m};
    for (const auto& method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
      if (allowed.contains(method)) continue;
      for (const auto& cookie : {std::string{}, session}) {
        auto answer = demo_->request(method, any_path(pattern), cookie);
        EXPECT_EQ(answer.status, 405) << method << " " << pattern;
        std::set<std::string> got;
        for (std::size_t at = 0; at < answer.headers["allow"].size();) {
          auto comma = answer.headers["allow"].find(", ", at);
          got.insert(answer.headers["allow"].substr(at, comma - at));
          at = comma == std::string::npos ? comma : comma + 2;
        }
        EXPECT_EQ(got, allowed) << method << " " << pattern << ": Allow " << answer.headers["allow"];
      }
    }
  }
}

TEST_F(RouteSecurityTest, EveryStateChangingRouteRefusesAMissingOrWrongCsrfToken) {
  const std::string session = demo_->sign_in("admin@demo.uppsikt.se", "demo-admin");
  const std::string right = csrf_of(demo_->get("/", session).body);
  ASSERT_EQ(right.size(), 64u);
  int routes = 0;
  for (const auto& [pattern, methods] : methods_) {
    if (!methods.contains("POST")) continue;
    // The one POST without a form token: an identity provider's page posts the SAML answer from
    // another site (routes.cpp, Access::identity_provider); its one-use RelayState stands instead.
    if (pattern == "/logga-in/saml/{provider}/acs") continue;
    ++routes;
    const auto before = csrf_refusals();
    const std::string path = any_path(pattern);
    EXPECT_EQ(demo_->post(path, "name=x", session).status, 403) << "POST " << pattern << " without _csrf";
    EXPECT_EQ(demo_->post(path, "_csrf=" + std::string(64, '0') + "&name=x", session).status, 403)
        << "POST " << pattern << " with a wrong _csrf";
    EXPECT_EQ(demo_->post(path, "_csrf=" + right + "x&name=x", session).status, 403) << "POST " << pattern;
    EXPECT_EQ(csrf_refusals(), before + 3) << "POST " << pattern << ": each refusal is audited";
  }
  EXPECT_GE(routes, 10);
  // Nothing happened: the admin is still signed in (sign-out was refused too), no unit was made.
  EXPECT_EQ(demo_->get("/", session).status, 200);
  EXPECT_FALSE(demo_->store().begin_read()->unit_by_name("x"));
}

TEST_F(RouteSecurityTest, ASessionEndsWhenIdleAndAfterTheAbsoluteLimit) {
  const std::string idle = demo_->sign_in("lasare@demo.uppsikt.se", "demo-reader");
  shift_minutes_ = 29;
  EXPECT_EQ(demo_->get("/", idle).status, 200);
  shift_minutes_ = 29 + 31;  // 31 minutes after the last request
  auto expired = demo_->get("/", idle);
  EXPECT_EQ(expired.status, 303);
  EXPECT_EQ(expired.headers["location"], "/logga-in");
  shift_minutes_ = 0;
  EXPECT_EQ(demo_->get("/", idle).status, 303);  // ended on the server, not only hidden

  const std::string busy = demo_->sign_in("lasare@demo.uppsikt.se", "demo-reader");
  for (int minutes = 25; minutes < 12 * 60; minutes += 25) {
    shift_minutes_ = minutes;
    ASSERT_EQ(demo_->get("/", busy).status, 200) << minutes;
  }
  shift_minutes_ = 12 * 60;
  EXPECT_EQ(demo_->get("/", busy).status, 303);
  shift_minutes_ = 0;
}

}  // namespace
}  // namespace uppsikt::web
