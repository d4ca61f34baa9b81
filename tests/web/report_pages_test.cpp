// The report pages and downloads over real HTTP on the demo city, signed in as each role:
// status codes, content types, file names, filters, and who is refused.
#include <gmock/gmock.h>
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

using ::testing::HasSubstr;
using ::testing::Not;

class ReportPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    store_ = store::open(dir_->file("demo.db")).release();
    service::build_demo(*store_, testing::seed_followup());
    service::add_demo_accounts(*store_);
    std::filesystem::create_directory(dir_->path() / "static");
    for (const auto& name : {"uppsikt.css", "report.css", "fkui.min.css", "fkui-css-variables.css"})
      std::ofstream(dir_->path() / "static" / name) << "body{}";
    assets_ = new http::StaticFiles(dir_->path() / "static");
    site_ = new Site{*store_, *assets_};
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    server_ = new http::Server(options, make_handler(*site_), make_error_renderer(*site_));
    thread_ = new std::thread([] { server_->run(false); });
    for (const auto& a : service::demo_accounts())
      if (a.role != Role::admin && a.role != Role::approver)
        cookies_[std::string(to_code(a.role))] = testing::sign_in(server_->port(), a.email, a.password);
    auto tx = store_->begin();
    round_ = std::to_string(tx->round_by_name("Uppföljning 2024")->id);
    earlier_ = std::to_string(tx->round_by_name("Uppföljning 2023")->id);
    own_ = std::to_string(tx->unit_by_name("Miljöförvaltningen")->id);
    foreign_ = std::to_string(tx->unit_by_name("Kulturförvaltningen")->id);
    nämnd_ = std::to_string(tx->unit_by_name("Miljö- och klimatnämnden")->id);
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete site_;
    delete assets_;
    delete store_;
    delete dir_;
  }
  static testing::Fetched get(const std::string& role, const std::string& target) {
    return testing::fetch(server_->port(), "GET", target, "", "Cookie: " + cookies_[role] + "\r\n");
  }

  static inline testing::TempDir* dir_;
  static inline store::Store* store_;
  static inline http::StaticFiles* assets_;
  static inline Site* site_;
  static inline http::Server* server_;
  static inline std::thread* thread_;
  static inline std::map<std::string, std::string> cookies_;
  static inline std::string round_, earlier_, own_, foreign_, nämnd_;
};

TEST_F(ReportPagesTest, CoordinatorSeesTheCompiledReportWithFiltersAndDownloads) {
  auto page = get("coordinator", "/omgangar/" + round_ + "/rapport");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<title>Sammanställning – Uppföljning 2024 – Uppsikt</title>"));
  EXPECT_THAT(page.body, HasSubstr("<form class=\"uppsikt-report-filter\" method=\"get\""));
  EXPECT_THAT(page.body, HasSubstr("<h2>Sammanfattning</h2>"));
  EXPECT_THAT(page.body, HasSubstr("<svg class=\"uppsikt-chart\" role=\"img\""));
  EXPECT_THAT(page.body, HasSubstr("/rapport/exportera/xlsx"));
  EXPECT_THAT(page.body, HasSubstr("Utveckling över tid"));  // 2023 followed up the same items

  auto filtered = get("coordinator", "/omgangar/" + round_ + "/rapport?enhet=" + nämnd_ + "&kommentarer=nej");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_THAT(filtered.body, HasSubstr("<dd>Miljö- och klimatnämnden med underliggande enheter</dd>"));
  EXPECT_THAT(filtered.body, HasSubstr("<dt>Kommentarer</dt><dd>Utelämnade</dd>"));
  EXPECT_THAT(filtered.body, HasSubstr("/rapport/exportera/csv?enhet&#61;" + nämnd_ + "&amp;kommentarer&#61;nej"));
}

TEST_F(ReportPagesTest, DownloadsHaveTheirContentTypeAndFileName) {
  auto csv = get("coordinator", "/omgangar/" + round_ + "/rapport/exportera/csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["content-disposition"], "attachment; filename=\"uppfoljning-2024-sammanstallning.csv\"");
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF" "Omgång;"));

  auto xlsx = get("coordinator", "/omgangar/" + round_ + "/rapport/exportera/xlsx?typ=forvaltning");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(xlsx.body.starts_with("PK"));

  auto json = get("respondent", "/omgangar/" + round_ + "/svar/" + own_ + "/exportera/json");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.headers["content-type"], "application/json");
  EXPECT_EQ(json.headers["content-disposition"], "attachment; filename=\"uppfoljning-2024-miljoforvaltningen.json\"");
  EXPECT_THAT(json.body, HasSubstr("\"kind\": \"unit\""));

  EXPECT_EQ(get("coordinator", "/omgangar/" + round_ + "/rapport/exportera/exe").status, 404);
  auto pdf = get("coordinator", "/omgangar/" + round_ + "/rapport/exportera/pdf");
  EXPECT_EQ(pdf.status, 200);
}

TEST_F(ReportPagesTest, ARespondentGetsOnlyTheirOwnUnitsReport) {
  EXPECT_EQ(get("respondent", "/omgangar/" + round_ + "/svar/" + foreign_ + "/exportera/csv").status, 404);
  EXPECT_EQ(get("respondent", "/omgangar/" + round_ + "/rapport").status, 404);
  EXPECT_EQ(get("respondent", "/omgangar/" + round_ + "/rapport/exportera/csv").status, 404);
  auto response = get("respondent", "/omgangar/" + round_ + "/svar/" + own_);
  ASSERT_EQ(response.status, 200);
  EXPECT_THAT(response.body, HasSubstr("/svar/" + own_ + "/exportera/pdf"));
  auto round = get("respondent", "/omgangar/" + round_);
  EXPECT_THAT(round.body, Not(HasSubstr("/rapport\""))) << "no link to a report they may not read";
}

TEST_F(ReportPagesTest, AReaderIsRefusedAnUnpublishedRoundAndReadsAPublishedOne) {
  EXPECT_EQ(get("reader", "/omgangar/" + round_ + "/rapport").status, 404);
  EXPECT_EQ(get("reader", "/omgangar/" + round_ + "/rapport/exportera/json").status, 404);
  auto published = get("reader", "/omgangar/" + earlier_ + "/rapport");
  EXPECT_EQ(published.status, 200);
  EXPECT_THAT(published.body, HasSubstr("Sammanfattning"));
}

TEST_F(ReportPagesTest, WithoutSignInTheReportsSendToTheSignInPage) {
  auto page = testing::fetch(server_->port(), "GET", "/omgangar/" + round_ + "/rapport");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.headers["location"], "/logga-in");
}

}  // namespace
}  // namespace uppsikt::web
