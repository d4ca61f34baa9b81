// The coordinator's round pages over real HTTP on the demo city: a new round from the
// documents, a question with an audience, opening it, the status board with its filters and
// the units not handed in, and "Mina uppföljningar"; errors come back as a summary linking
// to the fields, others' requests as 404, forms without the CSRF token as 403.
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

class RoundPagesTest : public ::testing::Test {
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
    coordinator_ = new std::string(testing::sign_in(server_->port(), "samordnare@demo.uppsikt.se", "demo-coordinator"));
    respondent_ = new std::string(testing::sign_in(server_->port(), "svarande@demo.uppsikt.se", "demo-respondent"));
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete coordinator_;
    delete respondent_;
    delete server_;
    delete site_;
    delete assets_;
    delete store_;
    delete dir_;
  }
  static testing::Fetched get(const std::string& target, const std::string& cookie = *coordinator_) {
    return fetch(server_->port(), "GET", target, "", "Cookie: " + cookie + "\r\n");
  }
  // Posts `fields` with the CSRF token of the page at `form_page`, as the signed-in person.
  static testing::Fetched post(const std::string& target, const std::string& fields,
                               const std::string& form_page = "/", const std::string& cookie = *coordinator_) {
    const auto csrf = testing::csrf_of(get(form_page, cookie).body);
    return fetch(server_->port(), "POST", target, "_csrf=" + csrf + "&" + fields,
                 "Cookie: " + cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  }
  static Id unit(const std::string& name) { return store_->begin_read()->unit_by_name(name)->id; }
  static Id first_item() {
    auto tx = store_->begin_read();
    for (const auto& d : tx->documents())
      for (const auto& n : tx->nodes(d.id))
        if (n.kind == NodeKind::item) return n.id;
    return 0;
  }
  static bool has(const testing::Fetched& page, const std::string& text) {
    return page.body.find(text) != std::string::npos;
  }

  static inline testing::TempDir* dir_;
  static inline store::Store* store_;
  static inline http::StaticFiles* assets_;
  static inline Site* site_;
  static inline http::Server* server_;
  static inline std::thread* thread_;
  static inline std::string* coordinator_;
  static inline std::string* respondent_;
};

TEST_F(RoundPagesTest, CoordinatorBuildsOpensAndFollowsARound) {
  auto form = get("/omgangar/ny");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "name=\"punkter\""));
  EXPECT_TRUE(has(form, "Miljöförvaltningen"));

  const auto units = "enheter=" + std::to_string(unit("Miljöförvaltningen")) + "&enheter=" +
                     std::to_string(unit("Miljö- och klimatnämnden"));
  auto created = post("/omgangar", "namn=Uppf%C3%B6ljning+2025&ar=2025&sista-svarsdag=2025-11-30&" + units +
                                       "&punkter=" + std::to_string(first_item()));
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string builder = created.headers["location"];
  ASSERT_TRUE(builder.ends_with("/bygg")) << builder;
  const std::string base = builder.substr(0, builder.size() - 5);
  EXPECT_TRUE(has(get(builder), "Har ni arbetat med"));

  auto added = post(base + "/fragor",
                    "fraga=Har+ni+ett+lokalt+kompetensteam%3F&malgrupp=typer&malgrupp-typer=namnd&malgrupp-typer=styrelse",
                    builder);
  ASSERT_EQ(added.status, 303) << added.body;
  auto page = get(builder);
  EXPECT_TRUE(has(page, "Har ni ett lokalt kompetensteam?"));
  EXPECT_TRUE(has(page, "(samtliga nämnder och styrelser)"));

  auto bad = post(base + "/fragor", "fraga=&malgrupp=typer", builder);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "href=\"#fraga\""));
  EXPECT_TRUE(has(bad, "href=\"#malgrupp-typer\""));
  EXPECT_TRUE(has(bad, "id=\"malgrupp-typer\""));

  ASSERT_EQ(post(base + "/oppna", "", builder).status, 303);
  auto board = get(base);
  ASSERT_EQ(board.status, 200);
  EXPECT_TRUE(has(board, "Påminn enheter som inte lämnat in"));
  EXPECT_TRUE(has(board, "svarande@demo.uppsikt.se"));
  EXPECT_TRUE(has(board, "av 2"));  // the förvaltning is asked only the question for all units
  EXPECT_TRUE(has(board, "av 1"));
  auto filtered = get(base + "?slag=namnd");
  EXPECT_TRUE(has(filtered, "Miljö- och klimatnämnden"));
  EXPECT_FALSE(has(filtered, "href=\"" + base + "/svar/" + std::to_string(unit("Miljöförvaltningen")) + "\""));
  ASSERT_EQ(post(base + "/paminn", "", base).status, 303);

  auto mine = get("/mina-uppfoljningar", *respondent_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(has(mine, "Uppföljning 2025"));
  EXPECT_TRUE(has(mine, "2025-11-30"));
}

TEST_F(RoundPagesTest, BadSettingsComeBackWithASummaryLinkingToTheFields) {
  auto bad = post("/omgangar", "namn=&ar=25&sista-svarsdag=30+november", "/omgangar/ny");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "class=\"error-list\""));
  EXPECT_TRUE(has(bad, "href=\"#namn\""));
  EXPECT_TRUE(has(bad, "href=\"#sista-svarsdag\""));
  EXPECT_TRUE(has(bad, "href=\"#enheter\""));
  EXPECT_TRUE(has(bad, "value=\"30 november\""));
}

TEST_F(RoundPagesTest, RespondentsCannotBuildAndFormsNeedTheirToken) {
  const Id round = store_->begin_read()->round_by_name("Uppföljning 2024")->id;
  const std::string base = "/omgangar/" + std::to_string(round);
  EXPECT_EQ(get("/omgangar/ny", *respondent_).status, 404);
  EXPECT_EQ(get(base + "/bygg", *respondent_).status, 404);
  EXPECT_EQ(post(base + "/stang", "", "/", *respondent_).status, 404);
  EXPECT_FALSE(has(get(base, *respondent_), "/paminn"));
  auto no_token = fetch(server_->port(), "POST", base + "/stang", "",
                        "Cookie: " + *coordinator_ + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(get(base + "/kopiera").status, 200);
}

TEST_F(RoundPagesTest, CoordinatorKeepsADocumentAndRespondentsCannot) {
  EXPECT_EQ(get("/dokument/ny", *respondent_).status, 404);
  ASSERT_EQ(get("/dokument/ny").status, 200);
  auto bad = post("/dokument", "titel=&slag=program&beslutsdatum=maj", "/dokument/ny");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "href=\"#titel\""));
  EXPECT_TRUE(has(bad, "href=\"#beslutsdatum\""));
  auto created = post("/dokument", "titel=Plan+mot+tystnadskultur&slag=plan&period=2025%E2%80%932027", "/dokument/ny");
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string edit = created.headers["location"];
  ASSERT_TRUE(edit.ends_with("/redigera")) << edit;
  const std::string base = edit.substr(0, edit.size() - 9);
  ASSERT_EQ(post(base + "/punkter", "nodtyp=area&nummer=1&rubrik=M%C3%A5lomr%C3%A5de+1", edit).status, 303);
  auto page = get(edit);
  EXPECT_TRUE(has(page, "Målområde 1"));
  auto edition = post(base + "/ny-utgava", "period=2028%E2%80%932030", edit);
  ASSERT_EQ(edition.status, 303);
  EXPECT_TRUE(has(get(edit), "har ersatts av en nyare utgåva"));
  EXPECT_EQ(post(base + "/punkter", "nodtyp=area&rubrik=X", edit, *respondent_).status, 404);
}

}  // namespace
}  // namespace uppsikt::web
