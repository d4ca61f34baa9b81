// Every page over real HTTP: the demo city in a SQLite file, the server on a free port.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "http/server.h"
#include "http/static_files.h"
#include "service/demo.h"
#include "service/demo_accounts.h"
#include "support/fixture.h"
#include "support/http_get.h"
#include "support/sign_in.h"
#include "support/temp_dir.h"
#include "web/routes.h"

namespace uppsikt::web {
namespace {

using testing::fetch;

class PagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    store_ = store::open(dir_->file("demo.db")).release();
    service::build_demo(*store_, testing::seed_followup());
    service::add_demo_accounts(*store_);
    std::filesystem::create_directory(dir_->path() / "static");
    for (const auto& name : {"uppsikt.css", "fkui.min.css", "fkui-css-variables.css"})
      std::ofstream(dir_->path() / "static" / name) << "body{}";
    assets_ = new http::StaticFiles(dir_->path() / "static");
    site_ = new Site{*store_, *assets_};
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    server_ = new http::Server(options, make_handler(*site_), make_error_renderer(*site_));
    thread_ = new std::thread([] { server_->run(false); });
    cookie_ = new std::string(testing::sign_in(server_->port(), "admin@demo.uppsikt.se", "demo-admin"));
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete cookie_;
    delete server_;
    delete site_;
    delete assets_;
    delete store_;
    delete dir_;
  }
  // Every page as the demo admin.
  static testing::Fetched get(const std::string& target) {
    return fetch(server_->port(), "GET", target, "", "Cookie: " + *cookie_ + "\r\n");
  }

  static Id id_of(const std::string& sql_table, const std::string& name) {
    auto tx = store_->begin();
    if (sql_table == "round") return tx->round_by_name(name)->id;
    return tx->unit_by_name(name)->id;
  }

  static inline testing::TempDir* dir_;
  static inline store::Store* store_;
  static inline http::StaticFiles* assets_;
  static inline Site* site_;
  static inline http::Server* server_;
  static inline std::thread* thread_;
  static inline std::string* cookie_;  // "uppsikt_session=…"
};

TEST_F(PagesTest, StartPageListsRoundsWithProgress) {
  auto page = get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html lang=\"sv\">"), std::string::npos);
  EXPECT_NE(page.body.find("Uppföljning 2024"), std::string::npos);
  EXPECT_NE(page.body.find("Uppföljning 2023"), std::string::npos);
  EXPECT_NE(page.body.find("av 21"), std::string::npos);
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
}

TEST_F(PagesTest, EveryPageCarriesSecurityHeaders) {
  for (const auto& target : {"/", "/dokument", "/finns-inte"}) {
    auto page = get(target);
    EXPECT_NE(page.headers["content-security-policy"].find("default-src 'self'"), std::string::npos) << target;
    EXPECT_NE(page.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(page.headers["x-content-type-options"], "nosniff");
    EXPECT_EQ(page.headers["referrer-policy"], "same-origin");
    EXPECT_EQ(page.headers["cache-control"], "no-store");
  }
}

TEST_F(PagesTest, RoundPageListsUnitsWithStatus) {
  auto page = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Miljöförvaltningen"), std::string::npos);
  EXPECT_NE(page.body.find("Inlämnad"), std::string::npos);
  EXPECT_NE(page.body.find("<caption>"), std::string::npos);
  EXPECT_NE(page.body.find("aria-sort=\"ascending\""), std::string::npos);
}

TEST_F(PagesTest, RoundPageSortsBySwedishNames) {
  auto page = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")) + "?sort=namn");
  auto stadsmiljo = page.body.find(">Stadsmiljöförvaltningen<");
  auto aldre = page.body.find(">Äldre samt vård- och omsorgsförvaltningen<");
  ASSERT_NE(stadsmiljo, std::string::npos);
  ASSERT_NE(aldre, std::string::npos);
  EXPECT_LT(stadsmiljo, aldre);  // Ä after S, and after Z
  auto reversed = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")) + "?sort=namn&ordning=fallande");
  EXPECT_GT(reversed.body.find(">Stadsmiljöförvaltningen<"), reversed.body.find(">Äldre samt vård- och omsorgsförvaltningen<"));
}

TEST_F(PagesTest, ResponsePageShowsTheSeedAnswers) {
  auto page = get("/omgangar/" + std::to_string(id_of("round", "Uppföljning 2024")) + "/svar/" +
                  std::to_string(id_of("unit", "Miljöförvaltningen")));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Målområde 1: Öka kunskapen"), std::string::npos);
  EXPECT_NE(page.body.find("Är ert arbete kunskapsbaserat?"), std::string::npos);
  EXPECT_NE(page.body.find("Förväntat resultat:"), std::string::npos);
  EXPECT_NE(page.body.find("involverar Miljö- och klimatnämndens verksamhet"), std::string::npos);
  EXPECT_NE(page.body.find("18 av 18"), std::string::npos);
  // The two paragraphs of the 4:4 comment stay two paragraphs (the admin may answer, so the
  // comment is in its text area; the read view is in answering_test.cpp).
  EXPECT_NE(page.body.find("välfärdsbrottslighet.\n\nProblematiken"), std::string::npos);
}

TEST_F(PagesTest, DocumentPagesShowAreasItemsAndExpectedResults) {
  auto list = get("/dokument");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Handlingsplan"), std::string::npos);
  auto doc = get("/dokument/2");
  EXPECT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("Fokusområde 3: Ett samordnat arbete med helhetsperspektiv"), std::string::npos);
  EXPECT_NE(doc.body.find("Motverka oseriös verksamhet"), std::string::npos);
}

TEST_F(PagesTest, UnknownIdsAndPathsGiveSwedish404) {
  for (const auto& target : {"/omgangar/9999", "/omgangar/abc", "/omgangar/1/svar/9999", "/dokument/0",
                             "/finns-inte", "/static/saknas.css"}) {
    auto page = get(target);
    EXPECT_EQ(page.status, 404) << target;
    EXPECT_NE(page.body.find("Sidan finns inte"), std::string::npos) << target;
  }
}

TEST_F(PagesTest, WrongMethodGives405WithAllow) {
  auto page = fetch(server_->port(), "POST", "/dokument", "x=1", "Cookie: " + *cookie_ + "\r\n");
  EXPECT_EQ(page.status, 405);
  EXPECT_EQ(page.headers["allow"], "GET, HEAD");
  EXPECT_NE(page.body.find("Metoden är inte tillåten"), std::string::npos);
}

TEST_F(PagesTest, HealthCheckAnswersOk) {
  auto page = get("/healthz");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "ok");
}

TEST_F(PagesTest, StylesheetsAreLinkedByHashAndCachedForever) {
  auto page = get("/");
  auto url = assets_->url_for("uppsikt.css");
  EXPECT_NE(page.body.find(url), std::string::npos);
  auto css = get(url);
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.headers["cache-control"].find("immutable"), std::string::npos);
}

TEST_F(PagesTest, HeadAnswersWithoutBody) {
  auto page = fetch(server_->port(), "HEAD", "/", "", "Cookie: " + *cookie_ + "\r\n");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.body.empty());
}

}  // namespace
}  // namespace uppsikt::web
