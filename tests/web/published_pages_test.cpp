// Publishing over real HTTP on the demo city: the coordinator's form on the report page, the
// public page read without a session, 404 once withdrawn, comments only when published with
// them, and the open data (CSV for Swedish Excel, JSON by its schema) holding the report's
// numbers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "service/report_publishing.h"
#include "support/csv_reader.h"
#include "support/demo_server.h"
#include "support/json_schema.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::csrf_of;

class PublishedPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    coordinator_ = new std::string(demo_->sign_in("samordnare@demo.uppsikt.se", "demo-coordinator"));
    reader_ = new std::string(demo_->sign_in("lasare@demo.uppsikt.se", "demo-reader"));
  }
  static void TearDownTestSuite() {
    delete reader_;
    delete coordinator_;
    delete demo_;
  }
  static std::string round(const char* name) { return std::to_string(demo_->round_id(name)); }
  static testing::Fetched post_as(const std::string& cookie, const std::string& path, const std::string& fields) {
    const std::string csrf = csrf_of(demo_->get("/", cookie).body);
    return demo_->post(path, "_csrf=" + csrf + (fields.empty() ? "" : "&" + fields), cookie);
  }
  // A comment of a handed-in answer of the round: what a page with comments shows.
  static std::string some_comment(const std::string& round_name) {
    auto tx = demo_->store().begin_read();
    for (const auto& r : tx->responses(tx->round_by_name(round_name)->id)) {
      if (r.status != ResponseStatus::submitted && r.status != ResponseStatus::approved) continue;
      for (const auto& a : tx->answers(r.id))
        if (a.comment.size() > 20 && a.comment.find_first_of("<>&\"'=`\n") == std::string::npos) return a.comment.substr(0, 20);
    }
    return "";
  }

  static inline testing::DemoServer* demo_;
  static inline std::string* coordinator_;
  static inline std::string* reader_;
};

TEST_F(PublishedPagesTest, APublishedReportIsReadWithoutSigningInAndWithoutComments) {
  const std::string earlier = round("Uppföljning 2023");  // the demo publishes it without comments
  auto page = demo_->get("/publicerat/" + earlier);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<title>Sammanställning – Uppföljning 2023 – Uppsikt</title>"));
  EXPECT_THAT(page.body, HasSubstr("<h2>Sammanfattning</h2>"));
  EXPECT_THAT(page.body, HasSubstr("<dt>Kommentarer</dt><dd>Utelämnade</dd>"));
  const auto comment = some_comment("Uppföljning 2023");
  ASSERT_FALSE(comment.empty());
  EXPECT_THAT(page.body, Not(HasSubstr(comment))) << "published without comments";
  EXPECT_THAT(page.body, HasSubstr("/publicerat/" + earlier + "/oppna-data.csv"));
  EXPECT_THAT(page.body, Not(HasSubstr("Logga ut"))) << "nobody is signed in";

  auto list = demo_->get("/publicerat");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("<a href=\"/publicerat/" + earlier + "\">Uppföljning 2023</a>"));
  auto pdf = demo_->get("/publicerat/" + earlier + "/exportera/pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(demo_->get("/publicerat/" + round("Uppföljning 2024")).status, 404) << "never published";
  EXPECT_EQ(demo_->get("/publicerat/999999/oppna-data.json").status, 404);
}

TEST_F(PublishedPagesTest, ACoordinatorPublishesWithCommentsAndWithdraws) {
  const std::string id = round("Uppföljning 2024");
  const std::string base = "/omgangar/" + id + "/rapport";
  auto before = demo_->get(base, *coordinator_);
  ASSERT_EQ(before.status, 200);
  EXPECT_THAT(before.body, HasSubstr("Sammanställningen är inte publicerad."));
  EXPECT_THAT(before.body, HasSubstr("<form method=\"post\" action=\"" + base + "/publicera\">"));
  EXPECT_THAT(before.body, HasSubstr("<label class=\"radio-button__label\" for=\"publicera-med\">Med kommentarer</label>"));

  auto unchosen = post_as(*coordinator_, base + "/publicera", "");
  EXPECT_EQ(unchosen.status, 422);
  EXPECT_THAT(unchosen.body, HasSubstr("<a class=\"error-list__link\" href=\"#publicera-utan\">Välj om sammanställningen ska publiceras med eller utan kommentarer.</a>"));
  EXPECT_EQ(demo_->get("/publicerat/" + id).status, 404) << "bad input publishes nothing";
  EXPECT_EQ(demo_->post(base + "/publicera", "kommentarer=med", *coordinator_).status, 403) << "no _csrf";

  auto published = post_as(*coordinator_, base + "/publicera", "kommentarer=med");
  EXPECT_EQ(published.status, 303);
  auto page = demo_->get("/publicerat/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(some_comment("Uppföljning 2024"))) << "published with comments";
  EXPECT_THAT(demo_->get(base, *coordinator_).body, HasSubstr("Sammanställningen är publicerad med kommentarer"));
  const std::string round_page = "/omgangar/" + id;
  EXPECT_THAT(demo_->get(round_page, *coordinator_).body, HasSubstr("Sammanställningen är publicerad med kommentarer sedan"));
  EXPECT_THAT(demo_->get(round_page, *coordinator_).body, HasSubstr("<a href=\"/publicerat/" + id + "\">"));

  EXPECT_EQ(post_as(*coordinator_, base + "/avpublicera", "").status, 303);
  EXPECT_EQ(demo_->get("/publicerat/" + id).status, 404);
  EXPECT_EQ(demo_->get("/publicerat/" + id + "/oppna-data.csv").status, 404);
  EXPECT_EQ(demo_->get("/publicerat/" + id + "/exportera/json").status, 404);
  EXPECT_THAT(demo_->get("/publicerat").body, Not(HasSubstr("Uppföljning 2024")));
  EXPECT_THAT(demo_->get(round_page, *coordinator_).body, HasSubstr("Sammanställningen är inte publicerad. <a href=\"" + base + "#publicering\">"));
}

TEST_F(PublishedPagesTest, PublishingAgainMakesVersionTwoAndVersionOneStaysAtItsAddress) {
  const std::string id = round("Uppföljning 2023");
  const std::string base = "/publicerat/" + id;
  auto first = demo_->get(base);
  ASSERT_EQ(first.status, 200);
  EXPECT_THAT(first.body, HasSubstr("Version 1, publicerad 2024-01-15 10.00.")) << "the demo's publishing, in Swedish time";

  ASSERT_EQ(post_as(*coordinator_, "/omgangar/" + id + "/rapport/publicera", "kommentarer=utan").status, 303);
  auto latest = demo_->get(base);
  ASSERT_EQ(latest.status, 200);
  EXPECT_THAT(latest.body, HasSubstr("Version 2, publicerad "));
  EXPECT_THAT(latest.body, HasSubstr("<a href=\"" + base + "/version/1\">Version 1</a>, publicerad 2024-01-15 10.00"));

  auto old = demo_->get(base + "/version/1");
  ASSERT_EQ(old.status, 200);
  EXPECT_THAT(old.body, HasSubstr("Version 1, publicerad 2024-01-15 10.00."));
  EXPECT_THAT(old.body, HasSubstr("<a href=\"" + base + "\">Läs den senaste versionen</a>"));
  EXPECT_THAT(old.body, HasSubstr(base + "/version/1/exportera/pdf"));
  EXPECT_EQ(demo_->get(base + "/version/1/exportera/csv").status, 200);
  EXPECT_EQ(demo_->get(base + "/version/3").status, 404);
  EXPECT_EQ(demo_->get(base + "/version/x").status, 404);
}

TEST_F(PublishedPagesTest, AReaderSeesNoPublishFormAndMayNotPublish) {
  const std::string earlier = round("Uppföljning 2023");
  auto page = demo_->get("/omgangar/" + earlier + "/rapport", *reader_);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr("/rapport/publicera")));
  EXPECT_EQ(post_as(*reader_, "/omgangar/" + earlier + "/rapport/avpublicera", "").status, 404);
  EXPECT_EQ(demo_->get("/publicerat/" + earlier).status, 200) << "still published";
  auto round_page = demo_->get("/omgangar/" + earlier, *reader_);
  EXPECT_THAT(round_page.body, HasSubstr("Sammanställningen är publicerad utan kommentarer sedan"));
  EXPECT_THAT(round_page.body, Not(HasSubstr("#publicering"))) << "no way to publish for a reader";
}

TEST_F(PublishedPagesTest, OpenDataHoldsTheReportsNumbersWithoutCommentsOrNames) {
  const Id id = demo_->round_id("Uppföljning 2023");
  const std::string base = "/publicerat/" + std::to_string(id);
  const auto report = service::published_report(demo_->store(), id);
  ASSERT_TRUE(report);

  auto csv = demo_->get(base + "/oppna-data.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["content-disposition"], "attachment; filename=\"uppfoljning-2023-oppna-data.csv\"");
  ASSERT_TRUE(csv.body.starts_with(csv::bom));
  EXPECT_THAT(csv.body, HasSubstr("\r\n"));
  const auto records = testing::parse_csv(std::string_view(csv.body).substr(csv::bom.size()));
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0][6], "Svarsalternativ");
  EXPECT_EQ(records[0][7], "Antal");

  auto json = demo_->get(base + "/oppna-data.json");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.headers["content-type"], "application/json");
  const auto doc = nlohmann::json::parse(json.body);
  testing::SchemaCheck schema(nlohmann::json::parse(
      testing::read_file(std::string(UPPSIKT_SOURCE_DIR) + "/docs/open-data.schema.json")));
  EXPECT_EQ(schema.problems(doc), std::vector<std::string>{});

  // Row by row: the CSV, the JSON and the report count the same.
  std::size_t row = 1;
  std::size_t question = 0;
  for (const auto& s : report->sections)
    for (const auto& q : s.questions) {
      const auto& jq = doc["questions"][question++];
      EXPECT_EQ(jq["text"], q.question.text);
      EXPECT_EQ(jq["answered"], q.answered);
      for (std::size_t o = 0; o < q.counts.size(); ++o, ++row) {
        ASSERT_LT(row, records.size());
        EXPECT_EQ(records[row][4], q.question.text);
        EXPECT_EQ(records[row][6], q.counts[o].option);
        EXPECT_EQ(records[row][7], std::to_string(q.counts[o].count));
        EXPECT_EQ(jq["counts"][o]["count"], q.counts[o].count);
        EXPECT_NEAR(jq["counts"][o]["share"].get<double>(), q.counts[o].share, 1e-9);
      }
    }
  EXPECT_EQ(row, records.size());
  EXPECT_EQ(question, doc["questions"].size());
  EXPECT_GT(question, 0u);

  // No unit or person names and no comments: only what is counted.
  for (const auto& name : {"Miljöförvaltningen", "Kulturförvaltningen", "@demo.uppsikt.se"}) {
    EXPECT_THAT(csv.body, Not(HasSubstr(name))) << name;
    EXPECT_THAT(json.body, Not(HasSubstr(name))) << name;
  }
  const auto comment = some_comment("Uppföljning 2023");
  EXPECT_THAT(csv.body, Not(HasSubstr(comment)));
  EXPECT_THAT(json.body, Not(HasSubstr(comment)));
}

}  // namespace
}  // namespace uppsikt::web
