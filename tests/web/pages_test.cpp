// Every page over real HTTP: the demo city in a SQLite file, the server on a free port.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using testing::fetch;

class PagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    cookie_ = new std::string(demo_->sign_in("admin@demo.uppsikt.se", "demo-admin"));
  }
  static void TearDownTestSuite() {
    delete cookie_;
    delete demo_;
  }
  // Every page as the demo admin.
  static testing::Fetched get(const std::string& target) {
    return fetch(demo_->port(), "GET", target, "", "Cookie: " + *cookie_ + "\r\n");
  }

  static Id id_of(const std::string& sql_table, const std::string& name) {
    auto tx = demo_->store().begin();
    if (sql_table == "round") return tx->round_by_name(name)->id;
    return tx->unit_by_name(name)->id;
  }

  static inline testing::DemoServer* demo_;
  static inline std::string* cookie_;  // "uppsikt_session=…"
};

TEST_F(PagesTest, StartPageListsRoundsWithProgress) {
  auto page = get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<html lang=\"sv\">"));
  EXPECT_THAT(page.body, HasSubstr("Uppföljning 2024"));
  EXPECT_THAT(page.body, HasSubstr("Uppföljning 2023"));
  EXPECT_THAT(page.body, HasSubstr("av 21"));
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
}

TEST_F(PagesTest, EveryPageCarriesSecurityHeaders) {
  for (const auto& target : {"/", "/dokument", "/finns-inte"}) {
    auto page = get(target);
    EXPECT_THAT(page.headers["content-security-policy"], HasSubstr("default-src 'self'")) << target;
    EXPECT_THAT(page.headers["content-security-policy"], HasSubstr("frame-ancestors 'none'"));
    EXPECT_EQ(page.headers["x-content-type-options"], "nosniff");
    EXPECT_EQ(page.headers["referrer-policy"], "same-origin");
    EXPECT_EQ(page.headers["cache-control"], "no-store");
  }
}

TEST_F(PagesTest, WhoIsSignedInIsInTheHeaderAndShortFieldsAreShort) {
  auto page = get("/");
  const auto header_end = page.body.find("</header>");
  ASSERT_NE(header_end, std::string::npos);
  const std::string header = page.body.substr(0, header_end);
  EXPECT_THAT(header, HasSubstr("<div class=\"uppsikt-user\">\n    <p>Inloggad som <strong>Ada Administratör</strong>"));
  EXPECT_THAT(header, HasSubstr(">Logga ut</button>"));
  auto form = get("/omgangar/ny");
  EXPECT_THAT(form.body, HasSubstr("class=\"text-field__input uppsikt-input--year\" type=\"text\" inputmode=\"numeric\" maxlength=\"4\" id=\"ar\""));
  EXPECT_THAT(form.body, HasSubstr("class=\"text-field__input uppsikt-input--date\" type=\"text\" inputmode=\"numeric\" id=\"sista-svarsdag\""));
  EXPECT_THAT(get("/logg").body, HasSubstr("class=\"text-field__input uppsikt-input--date\" type=\"text\" id=\"fran\""));
}

TEST_F(PagesTest, RoundPageListsUnitsWithStatus) {
  auto page = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")));
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Miljöförvaltningen"));
  EXPECT_THAT(page.body, HasSubstr("Inlämnad"));
  EXPECT_THAT(page.body, HasSubstr("<caption>"));
  EXPECT_THAT(page.body, HasSubstr("aria-sort=\"ascending\""));
}

TEST_F(PagesTest, RoundPageSortsBySwedishNames) {
  auto page = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")) + "?sortera=namn");
  auto stadsmiljo = page.body.find(">Stadsmiljöförvaltningen<");
  auto aldre = page.body.find(">Äldre samt vård- och omsorgsförvaltningen<");
  ASSERT_NE(stadsmiljo, std::string::npos);
  ASSERT_NE(aldre, std::string::npos);
  EXPECT_LT(stadsmiljo, aldre);  // Ä after S, and after Z
  auto reversed = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")) + "?sortera=namn&ordning=fallande");
  EXPECT_GT(reversed.body.find(">Stadsmiljöförvaltningen<"), reversed.body.find(">Äldre samt vård- och omsorgsförvaltningen<"));
}

TEST_F(PagesTest, ResponsePageShowsTheSeedAnswers) {
  auto page = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")) + "/svar/" +
                  std::to_string(id_of("unit", "Miljöförvaltningen")));
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Målområde 1: Öka kunskapen"));
  EXPECT_THAT(page.body, HasSubstr("Är ert arbete kunskapsbaserat?"));
  EXPECT_THAT(page.body, HasSubstr("Förväntat resultat:"));
  EXPECT_THAT(page.body, HasSubstr("involverar Miljö- och klimatnämndens verksamhet"));
  EXPECT_THAT(page.body, HasSubstr("18 av 18"));
  // The two paragraphs of the 4:4 comment stay two paragraphs (the admin may answer, so the
  // comment is in its text area; the read view is in answering_test.cpp).
  EXPECT_THAT(page.body, HasSubstr("välfärdsbrottslighet.\n\nProblematiken"));
}

TEST_F(PagesTest, DocumentPagesShowAreasItemsAndExpectedResults) {
  auto list = get("/dokument");
  EXPECT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("Handlingsplan"));
  auto doc = get("/dokument/2");
  EXPECT_EQ(doc.status, 200);
  EXPECT_THAT(doc.body, HasSubstr("Fokusområde 3: Ett samordnat arbete med helhetsperspektiv"));
  EXPECT_THAT(doc.body, HasSubstr("Motverka oseriös verksamhet"));
}

TEST_F(PagesTest, UnknownIdsAndPathsGiveSwedish404) {
  for (const auto& target : {"/omgangar/9999", "/omgangar/abc", "/omgangar/1/svar/9999", "/dokument/0",
                             "/finns-inte", "/static/saknas.css"}) {
    auto page = get(target);
    EXPECT_EQ(page.status, 404) << target;
    EXPECT_THAT(page.body, HasSubstr("Sidan finns inte")) << target;
  }
}

TEST_F(PagesTest, WrongMethodGives405WithAllow) {
  auto page = fetch(demo_->port(), "POST", "/tillganglighet", "x=1", "Cookie: " + *cookie_ + "\r\n");
  EXPECT_EQ(page.status, 405);
  EXPECT_EQ(page.headers["allow"], "GET, HEAD");
  EXPECT_THAT(page.body, HasSubstr("Metoden är inte tillåten"));
}

TEST_F(PagesTest, HealthCheckAnswersOk) {
  auto page = get("/healthz");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "ok");
}

TEST_F(PagesTest, ReadinessAnswersOkOnAMigratedDatabaseWithoutSignIn) {
  auto page = get("/readyz");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "ok\n");
  EXPECT_EQ(page.headers.count("set-cookie"), 0u);
}

TEST_F(PagesTest, StylesheetsAreLinkedByHashAndCachedForever) {
  auto page = get("/");
  auto url = demo_->site().assets.url_for("uppsikt.css");
  EXPECT_THAT(page.body, HasSubstr(url));
  auto css = get(url);
  EXPECT_EQ(css.status, 200);
  EXPECT_THAT(css.headers["cache-control"], HasSubstr("immutable"));
}

TEST_F(PagesTest, HeadAnswersWithoutBody) {
  auto page = fetch(demo_->port(), "HEAD", "/", "", "Cookie: " + *cookie_ + "\r\n");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.body.empty());
}

}  // namespace
}  // namespace uppsikt::web
