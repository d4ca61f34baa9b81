// Signing in and out over real HTTP, CSRF on every state-changing request, and what a
// respondent may see: the demo city with its demo accounts, the server on a free port.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::cookie_pair;
using testing::csrf_of;
using testing::fetch;
using testing::Fetched;

constexpr const char* kForm = "Content-Type: application/x-www-form-urlencoded\r\n";

class SignInTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(
        [](Site& site) {
          site.sessions.account_refuse_after = 3;  // the throttling tests' accounts only
        },
        [](http::ServerOptions& options) { options.trusted_proxies.add("127.0.0.0/8"); });  // as behind nginx
  }
  static void TearDownTestSuite() { delete demo_; }

  static std::uint16_t port() { return demo_->port(); }
  static Fetched get(const std::string& target, const std::string& cookie = "") {
    return fetch(port(), "GET", target, "", cookie.empty() ? "" : "Cookie: " + cookie + "\r\n");
  }
  static Fetched post(const std::string& target, const std::string& body, const std::string& cookie) {
    return fetch(port(), "POST", target, body, std::string(kForm) + "Cookie: " + cookie + "\r\n");
  }
  // Posts the sign-in form as a browser would: the form's own cookie and token.
  static Fetched try_sign_in(const std::string& email, const std::string& password,
                             const std::string& session_cookie = "") {
    auto form = get("/logga-in", session_cookie);
    std::string cookie = session_cookie;
    if (form.headers.count("set-cookie")) cookie += (cookie.empty() ? "" : "; ") + cookie_pair(form.headers["set-cookie"]);
    return post("/logga-in", "_csrf=" + csrf_of(form.body) + "&epost=" + email + "&losenord=" + password, cookie);
  }
  // The same through the proxy, for the client `client` (X-Forwarded-For as nginx sends it:
  // whatever the client wrote, then the address the proxy saw).
  static Fetched try_sign_in_via_proxy(const std::string& email, const std::string& password, const std::string& client) {
    const std::string forwarded = "X-Forwarded-For: 10.9.9.9, " + client + "\r\n";
    auto form = fetch(port(), "GET", "/logga-in", "", forwarded);
    const std::string cookie = cookie_pair(form.headers["set-cookie"]);
    return fetch(port(), "POST", "/logga-in",
                 "_csrf=" + csrf_of(form.body) + "&epost=" + email + "&losenord=" + password,
                 std::string(kForm) + "Cookie: " + cookie + "\r\n" + forwarded);
  }
  static Id id_of(const std::string& kind, const std::string& name) {
    auto tx = demo_->store().begin_read();
    if (kind == "round") return tx->round_by_name(name)->id;
    return tx->unit_by_name(name)->id;
  }

  static inline testing::DemoServer* demo_;
};

TEST_F(SignInTest, SignInPageIsPublicWithItsFieldsAndToken) {
  auto page = get("/logga-in");
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<label class=\"label\" for=\"epost\">"));
  EXPECT_THAT(page.body, HasSubstr("id=\"losenord\" name=\"losenord\""));
  EXPECT_EQ(csrf_of(page.body).size(), 64u);
  EXPECT_THAT(page.headers["set-cookie"], HasSubstr("uppsikt_form=" + csrf_of(page.body)));
  EXPECT_THAT(page.headers["set-cookie"], HasSubstr("HttpOnly"));
  EXPECT_THAT(page.body, Not(HasSubstr("Logga ut")));
}

TEST_F(SignInTest, PagesWithoutSessionRedirectToSignIn) {
  for (const auto& target : {"/", "/omgangar/1", "/omgangar/1/svar/5", "/dokument", "/dokument/1"}) {
    auto page = get(target);
    EXPECT_EQ(page.status, 303) << target;
    EXPECT_EQ(page.headers["location"], "/logga-in") << target;
  }
  EXPECT_EQ(get("/tillganglighet").status, 200);
  EXPECT_EQ(get("/healthz").status, 200);
  // A made-up cookie is no session.
  EXPECT_EQ(get("/", "uppsikt_session=" + std::string(64, 'a')).status, 303);
}

TEST_F(SignInTest, StateChangingRequestsWithoutTheCsrfTokenAre403) {
  auto form = get("/logga-in");
  const std::string cookie = cookie_pair(form.headers["set-cookie"]);
  auto missing = post("/logga-in", "epost=admin@demo.uppsikt.se&losenord=demo-admin", cookie);
  EXPECT_EQ(missing.status, 403);
  EXPECT_THAT(missing.body, HasSubstr("Åtkomst nekad"));
  auto wrong = post("/logga-in", "_csrf=" + std::string(64, '0') + "&epost=admin@demo.uppsikt.se&losenord=demo-admin", cookie);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.headers.count("location"), 0u);
  // The token without its cookie is refused too.
  EXPECT_EQ(post("/logga-in", "_csrf=" + csrf_of(form.body) + "&epost=a&losenord=b", "").status, 403);
  // Signed in: sign-out without the session's token does not sign out.
  const std::string session = testing::sign_in(port(), "samordnare@demo.uppsikt.se", "demo-coordinator");
  EXPECT_EQ(post("/logga-ut", "", session).status, 403);
  EXPECT_EQ(post("/logga-ut", "_csrf=" + csrf_of(form.body), session).status, 403);
  EXPECT_EQ(get("/", session).status, 200);
}

TEST_F(SignInTest, WrongEmailAndWrongPasswordShowTheSameMessage) {
  auto unknown = try_sign_in("ingen@demo.uppsikt.se", "demo-admin");
  auto wrong = try_sign_in("admin@demo.uppsikt.se", "fel-losenord");
  for (auto page : {unknown, wrong}) {
    EXPECT_EQ(page.status, 200);
    EXPECT_THAT(page.body, HasSubstr("Fel e-postadress eller lösenord."));
    EXPECT_THAT(page.body, HasSubstr("href=\"#epost\""));  // the summary links the field
    EXPECT_THAT(page.headers["set-cookie"], Not(HasSubstr("uppsikt_session")));
  }
  EXPECT_THAT(unknown.body, HasSubstr("value=\"ingen@demo.uppsikt.se\""));
  auto empty = try_sign_in("", "");
  EXPECT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("Ange din e-postadress."));
  EXPECT_THAT(empty.body, HasSubstr("aria-describedby=\"losenord-fel\""));
}

TEST_F(SignInTest, RespondentsAndApproversLandOnTheirOwnTasks) {
  EXPECT_EQ(try_sign_in("svarande@demo.uppsikt.se", "demo-respondent").headers["location"], "/mina-uppfoljningar");
  EXPECT_EQ(try_sign_in("godkannare@demo.uppsikt.se", "demo-approver").headers["location"], "/mina-uppfoljningar");
  EXPECT_EQ(try_sign_in("samordnare@demo.uppsikt.se", "demo-coordinator").headers["location"], "/");
}

TEST_F(SignInTest, RightPasswordRedirectsWithAnHttpOnlyLaxCookie) {
  auto signed_in = try_sign_in("admin@demo.uppsikt.se", "demo-admin");
  EXPECT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.headers["location"], "/");
  const auto& set_cookie = signed_in.headers["set-cookie"];
  EXPECT_TRUE(set_cookie.starts_with("uppsikt_session=")) << set_cookie;
  EXPECT_THAT(set_cookie, HasSubstr("; HttpOnly"));
  EXPECT_THAT(set_cookie, HasSubstr("; SameSite=Lax"));
  EXPECT_THAT(set_cookie, HasSubstr("; Path=/"));
  EXPECT_THAT(set_cookie, Not(HasSubstr("Secure")));
  EXPECT_EQ(signed_in.headers.count("strict-transport-security"), 0u);
  auto home = get("/", cookie_pair(set_cookie));
  EXPECT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("Ada Administratör"));
  EXPECT_THAT(home.body, HasSubstr("action=\"/logga-ut\""));
}

TEST_F(SignInTest, TheSessionTokenChangesAtSignIn) {
  const std::string first = testing::sign_in(port(), "admin@demo.uppsikt.se", "demo-admin");
  auto again = try_sign_in("admin@demo.uppsikt.se", "demo-admin", first);
  ASSERT_EQ(again.status, 303);
  const std::string second = cookie_pair(again.headers["set-cookie"]);
  EXPECT_NE(second, first);
  EXPECT_EQ(get("/", first).status, 303);  // the session signed in over is gone
  EXPECT_EQ(get("/", second).status, 200);
}

TEST_F(SignInTest, SignOutEndsTheSessionOnTheServer) {
  const std::string session = testing::sign_in(port(), "godkannare@demo.uppsikt.se", "demo-approver");
  auto home = get("/", session);
  ASSERT_EQ(home.status, 200);
  auto out = post("/logga-ut", "_csrf=" + csrf_of(home.body), session);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.headers["location"], "/logga-in");
  EXPECT_THAT(out.headers["set-cookie"], HasSubstr("Max-Age=0"));
  // Replaying the old cookie (as a copy of it would) finds no session.
  EXPECT_EQ(get("/", session).status, 303);
}

TEST_F(SignInTest, ARespondentNeverSeesAnotherUnitsResponse) {
  const std::string session = testing::sign_in(port(), "svarande@demo.uppsikt.se", "demo-respondent");
  const std::string round = "/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024"));
  auto list = get(round, session);
  EXPECT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr(">Miljöförvaltningen<"));
  EXPECT_THAT(list.body, Not(HasSubstr("Kulturförvaltningen")));
  EXPECT_THAT(list.body, Not(HasSubstr("Stadsmiljöförvaltningen")));
  EXPECT_EQ(get(round + "/svar/" + std::to_string(id_of("unit", "Miljöförvaltningen")), session).status, 200);
  auto foreign = get(round + "/svar/" + std::to_string(id_of("unit", "Kulturförvaltningen")), session);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_THAT(foreign.body, HasSubstr("Sidan finns inte"));
  EXPECT_THAT(foreign.body, Not(HasSubstr("Kulturförvaltningen")));
  // The same answer as for an id that does not exist.
  EXPECT_EQ(get(round + "/svar/99999", session).status, 404);
}

TEST_F(SignInTest, RepeatedFailuresPauseSignInWith429) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(try_sign_in("lasare@demo.uppsikt.se", "fel-losenord").status, 200);
  auto paused = try_sign_in("lasare@demo.uppsikt.se", "demo-reader");
  EXPECT_EQ(paused.status, 429);
  EXPECT_THAT(paused.body, HasSubstr("Försök igen om 15 minuter."));
}

TEST_F(SignInTest, BehindATrustedProxyEachClientIsThrottledOnItsOwn) {
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(try_sign_in_via_proxy("admin@demo.uppsikt.se", "fel-losenord", "203.0.113.5").status, 200);
  auto paused = try_sign_in_via_proxy("admin@demo.uppsikt.se", "demo-admin", "203.0.113.5");
  EXPECT_EQ(paused.status, 429);
  EXPECT_EQ(paused.headers["retry-after"], "900");
  // The same account from another client behind the same proxy still signs in.
  EXPECT_EQ(try_sign_in_via_proxy("admin@demo.uppsikt.se", "demo-admin", "198.51.100.7").status, 303);
  auto failures = demo_->store().begin_read()->failed_logins_by_address("203.0.113.5", "2000-01-01T00:00:00Z");
  EXPECT_EQ(failures.count, 3);  // counted for the client, not for the proxy
}

TEST(SecureCookies, UseTheHostPrefixSecureAndHsts) {
  testing::TempDir dir;
  auto store = store::open(dir.file("secure.db"));
  std::filesystem::create_directory(dir.path() / "static");
  http::StaticFiles assets(dir.path() / "static");
  Site site{*store, assets};
  site.secure_cookies = true;
  auto handler = make_handler(site);
  http::Request request{.method = "GET", .target = "/logga-in", .path = "/logga-in"};
  auto page = handler(request);
  EXPECT_EQ(page.status, 200);
  auto set_cookie = page.header("Set-Cookie");
  ASSERT_TRUE(set_cookie);
  EXPECT_TRUE(set_cookie->starts_with("__Host-uppsikt_form=")) << *set_cookie;
  EXPECT_THAT(std::string(*set_cookie), HasSubstr("; Secure"));
  EXPECT_THAT(page.header("Strict-Transport-Security").value_or(""), HasSubstr("max-age="));
}

}  // namespace
}  // namespace uppsikt::web
