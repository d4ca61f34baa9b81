// The API over real HTTP, as `uppsikt serve` wires it in front of the pages: tokens and what
// they are refused, paging, ETags, saving an answer against its version, the steps of a
// response, the answers' stream, published reports without a token, problems, and the OpenAPI
// document naming every route.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "api/api_server.h"
#include "api/rate_limiter.h"
#include "http/router.h"
#include "service/sessions.h"
#include "support/temp_dir.h"

namespace uppsikt::api {
namespace {

using ::testing::HasSubstr;
using testing::Fetched;

constexpr const char* kRespondent = "svarande@demo.uppsikt.se";
constexpr const char* kApprover = "godkannare@demo.uppsikt.se";
constexpr const char* kAdmin = "admin@demo.uppsikt.se";
constexpr const char* kCoordinator = "samordnare@demo.uppsikt.se";

nlohmann::json json_of(const Fetched& f) { return nlohmann::json::parse(f.body, nullptr, false); }

// The body of a chunked answer, the chunks' data joined.
std::string dechunk(std::string_view raw) {
  std::string body;
  while (true) {
    const auto line_end = raw.find("\r\n");
    if (line_end == std::string_view::npos) return body;
    const auto size = std::stoul(std::string(raw.substr(0, line_end)), nullptr, 16);
    raw.remove_prefix(line_end + 2);
    if (size == 0) return body;
    body += raw.substr(0, size);
    raw.remove_prefix(std::min(raw.size(), size + 2));
  }
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::ApiServer;
    respondent_ = server_->token(kRespondent, true, 30, "Rapportskript");
    respondent_read_ = server_->token(kRespondent, false);
    coordinator_ = server_->token(kCoordinator);
  }
  static void TearDownTestSuite() { delete server_; }

  static std::string round_path() { return "/api/v1/rounds/" + std::to_string(server_->round_id("Uppföljning 2024")); }
  static std::string response_path(const std::string& unit = "Miljöförvaltningen") {
    return round_path() + "/responses/" + std::to_string(server_->unit_id(unit));
  }
  static Id first_question() {
    return server_->store().begin_read()->questions(server_->round_id("Uppföljning 2024")).at(0).id;
  }

  static inline testing::ApiServer* server_;
  static inline std::string respondent_, respondent_read_, coordinator_;
};

TEST_F(ApiTest, WithoutATokenAnswers401AsAProblemInSwedish) {
  auto f = server_->call("GET", "/api/v1/rounds", "");
  EXPECT_EQ(f.status, 401);
  EXPECT_EQ(f.headers["content-type"], "application/problem+json");
  EXPECT_EQ(f.headers["www-authenticate"], "Bearer");
  auto body = json_of(f);
  EXPECT_EQ(body["type"], "/api#problem-no-token");
  EXPECT_EQ(body["title"], "API-nyckel saknas");
  EXPECT_EQ(body["status"], 401);
}

TEST_F(ApiTest, ASessionCookieOpensNoApi) {
  auto session = service::sign_in(server_->store(), kRespondent, "demo-respondent", "127.0.0.1", "",
                                  service::SessionOptions{.sleep = [](std::chrono::milliseconds) {}});
  ASSERT_FALSE(session.token.empty());
  auto api = server_->call("GET", "/api/v1/rounds", "", "", "Cookie: uppsikt_session=" + session.token + "\r\n");
  EXPECT_EQ(api.status, 401);
  auto pages = server_->call("GET", "/", respondent_);
  EXPECT_EQ(pages.body, "sidan");  // handed on to the pages, which do not read the token (tests/web)
}

TEST_F(ApiTest, ListsTheRoundsThePersonSeesPageByPage) {
  auto first = server_->call("GET", "/api/v1/rounds?limit=1", coordinator_);
  ASSERT_EQ(first.status, 200);
  auto page = json_of(first);
  ASSERT_EQ(page["items"].size(), 1u);
  ASSERT_TRUE(page["next_cursor"].is_string());
  auto second = json_of(server_->call("GET", "/api/v1/rounds?limit=1&cursor=" + page["next_cursor"].get<std::string>(), coordinator_));
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_GT(second["items"][0]["id"], page["items"][0]["id"]);
  auto all = json_of(server_->call("GET", "/api/v1/rounds", coordinator_));
  std::set<std::string> names;
  for (const auto& r : all["items"]) names.insert(r["name"]);
  EXPECT_TRUE(names.contains("Uppföljning 2024"));
  EXPECT_TRUE(all["next_cursor"].is_null());
  EXPECT_EQ(server_->call("GET", "/api/v1/rounds?limit=0", coordinator_).status, 400);
}

TEST_F(ApiTest, AnswersNotModifiedToTheSameETag) {
  auto first = server_->call("GET", round_path(), respondent_);
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  auto again = server_->call("GET", round_path(), respondent_, "", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(ApiTest, SavesAnAnswerAgainstItsVersionAndRefusesAStaleOne) {
  const std::string path = response_path() + "/answers/" + std::to_string(first_question());
  auto read = server_->call("GET", path, respondent_);
  ASSERT_EQ(read.status, 200) << read.body;
  const int version = json_of(read)["version"];
  EXPECT_EQ(read.headers["etag"], "\"" + std::to_string(version) + "\"");

  const std::string if_match = "If-Match: \"" + std::to_string(version) + "\"\r\n";
  auto saved = server_->call("PUT", path, respondent_, R"({"choice":"Delvis","comment":"Via API:t."})", if_match);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(json_of(saved)["version"], version + 1);
  EXPECT_EQ(json_of(saved)["comment"], "Via API:t.");

  auto stale = server_->call("PUT", path, respondent_, R"({"choice":"Nej","comment":"Gammal version."})", if_match);
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(json_of(stale)["type"], "/api#problem-version-mismatch");
  EXPECT_EQ(json_of(stale)["current"]["comment"], "Via API:t.");

  EXPECT_EQ(server_->call("PUT", path, respondent_, R"({"choice":"Nej"})").status, 428);
  EXPECT_EQ(server_->call("PUT", path, respondent_, "inte json", if_match).status, 400);
  auto wrong = server_->call("PUT", path, respondent_, R"({"choice":"Kanske"})",
                             "If-Match: \"" + std::to_string(version + 1) + "\"\r\n");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(json_of(wrong)["errors"][0]["field"], "choice");
}

TEST_F(ApiTest, AWriteIsAuditedWithTheTokensName) {
  const std::string path = response_path() + "/answers/" + std::to_string(first_question());
  const int version = json_of(server_->call("GET", path, respondent_))["version"];
  auto saved = server_->call("PUT", path, respondent_, R"({"choice":"Ja","comment":"Granskad i skript."})",
                             "If-Match: \"" + std::to_string(version) + "\"\r\n");
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto entries = server_->store().begin_read()->audit_entries({.limit = 5});
  auto save = std::find_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == "answer_save"; });
  ASSERT_NE(save, entries.end());
  EXPECT_EQ(save->token_name, "Rapportskript");
  EXPECT_THAT(save->after_json, HasSubstr("Granskad i skript."));
}

TEST_F(ApiTest, AReadOnlyTokenReadsButWritesNothing) {
  EXPECT_EQ(server_->call("GET", response_path(), respondent_read_).status, 200);
  const std::string path = response_path() + "/answers/" + std::to_string(first_question());
  auto refused = server_->call("PUT", path, respondent_read_, R"({"choice":"Ja"})", "If-Match: \"1\"\r\n");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json_of(refused)["type"], "/api#problem-read-only-token");
}

TEST_F(ApiTest, ASendBackNeedsAMessageAndARespondentMayNotApprove) {
  const std::string approver = server_->token(kApprover);
  auto empty = server_->call("POST", response_path() + "/send-back", approver, R"({"message":""})");
  EXPECT_THAT(std::vector<int>({409, 422}), ::testing::Contains(empty.status)) << empty.body;
  auto approve = server_->call("POST", response_path() + "/approve", respondent_);
  EXPECT_EQ(approve.status, 403) << approve.body;
}

// The services name a refused field as the pages' forms do; the API names it as the member of
// the body the caller sent, so that a script knows what to change.
TEST_F(ApiTest, ARefusedFieldIsNamedAsTheMemberOfTheBody) {
  const std::string admin = server_->token(kAdmin);
  auto unnamed = server_->call("POST", "/api/v1/units", admin, R"({"name":"","kind":"namnd","parent_id":null})");
  ASSERT_EQ(unnamed.status, 422) << unnamed.body;
  std::vector<std::string> fields;
  const auto body = json_of(unnamed);
  for (const auto& e : body["errors"]) fields.push_back(e["field"]);
  EXPECT_THAT(fields, ::testing::Contains("name")) << unnamed.body;
  EXPECT_THAT(fields, ::testing::Not(::testing::Contains("namn")));
}

TEST_F(ApiTest, ARevokedOrExpiredTokenIsRefused) {
  auto made = service::create_api_token_for(server_->store(), kRespondent, {.name = "Kort", .days = 1}, service::Actor{},
                                            [] { return service::system_now() - std::chrono::hours(48); });
  ASSERT_TRUE(made.outcome.ok());
  auto expired = server_->call("GET", "/api/v1/rounds", made.token);
  EXPECT_EQ(expired.status, 401);
  EXPECT_THAT(json_of(expired)["detail"].get<std::string>(), HasSubstr("gått ut"));

  const std::string token = server_->token(kRespondent);
  auto tx = server_->store().begin();
  auto tokens = tx->api_tokens_of(tx->user_by_email(kRespondent)->id);
  tx.reset();
  const auto viewer = service::Viewer{.user_id = tokens.front().user_id};
  ASSERT_TRUE(service::revoke_api_token(server_->store(), viewer, tokens.front().id).ok());
  auto revoked = server_->call("GET", "/api/v1/rounds", token);
  EXPECT_EQ(revoked.status, 401);
  EXPECT_THAT(json_of(revoked)["detail"].get<std::string>(), HasSubstr("återkallad"));
}

TEST_F(ApiTest, StreamsTheRoundsAnswersAsJsonOrNdjson) {
  auto json = server_->call("GET", round_path() + "/answers", coordinator_);
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.headers["transfer-encoding"], "chunked");
  auto answers = nlohmann::json::parse(dechunk(json.body), nullptr, false);
  ASSERT_TRUE(answers.is_array()) << json.body.substr(0, 200);
  EXPECT_GT(answers.size(), 18u);
  auto ndjson = server_->call("GET", round_path() + "/answers", coordinator_, "", "Accept: application/x-ndjson\r\n");
  EXPECT_EQ(ndjson.headers["content-type"], "application/x-ndjson");
  const std::string lines = dechunk(ndjson.body);
  EXPECT_EQ(static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n')), answers.size());
  EXPECT_EQ(nlohmann::json::parse(lines.substr(0, lines.find('\n'))), answers[0]);
}

TEST_F(ApiTest, ARespondentStreamsOnlyTheirOwnUnitsAnswers) {
  auto answers = nlohmann::json::parse(dechunk(server_->call("GET", round_path() + "/answers", respondent_).body));
  ASSERT_FALSE(answers.empty());
  const Id own = server_->unit_id("Miljöförvaltningen");
  for (const auto& a : answers) EXPECT_EQ(a["unit_id"], own);
}

TEST_F(ApiTest, PublishedReportsNeedNoToken) {
  auto list = server_->call("GET", "/api/v1/published", "");
  ASSERT_EQ(list.status, 200);
  ASSERT_FALSE(json_of(list)["items"].empty());
  const Id round = json_of(list)["items"][0]["round_id"];
  auto report = server_->call("GET", "/api/v1/published/" + std::to_string(round), "");
  EXPECT_EQ(report.status, 200);
  EXPECT_EQ(json_of(report)["kind"], "compiled");
}

TEST_F(ApiTest, UnknownPathsAndMethodsAreProblemsToo) {
  auto missing = server_->call("GET", "/api/v1/finns-inte", respondent_);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers["content-type"], "application/problem+json");
  auto method = server_->call("DELETE", "/api/v1/rounds", respondent_);
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(method.headers["allow"], "GET, HEAD");
}

TEST_F(ApiTest, TheDescriptionIsReadableWithoutAToken) {
  auto page = server_->call("GET", "/api", "");
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("lang=\"sv\""));
  EXPECT_THAT(page.body, HasSubstr("id=\"problem-version-mismatch\""));
  auto document = server_->call("GET", "/api/v1/openapi.json", "");
  EXPECT_EQ(json_of(document)["openapi"], "3.1.0");
}

TEST(ApiRoutes, EveryRouteIsInTheOpenApiDocumentAndEveryOperationARoute) {
  std::ifstream file(std::string(UPPSIKT_SOURCE_DIR) + "/docs/openapi.json");
  const auto doc = nlohmann::json::parse(file);
  std::set<std::pair<std::string, std::string>> operations;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      operations.insert({upper, path});
    }
  testing::TempDir dir;
  auto store = store::open(dir.file("routes.db"));
  RateLimiter limiter(60);
  ApiSite site{*store, {}, limiter};
  http::Router router;
  add_routes(router, site);
  for (const auto& entry : router.entries())
    EXPECT_TRUE(operations.erase({entry.method, entry.pattern}))
        << entry.method << " " << entry.pattern << " is not in docs/openapi.json";
  for (const auto& [method, path] : operations) ADD_FAILURE() << method << " " << path << " in docs/openapi.json names no route";
}

TEST(ApiRateLimit, ATokenPastItsRateGets429WithRetryAfter) {
  testing::ApiServer server(ApiOptions{.requests_per_minute = 3});
  const std::string token = server.token(kRespondent);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(server.call("GET", "/api/v1/units", token).status, 200);
  auto refused = server.call("GET", "/api/v1/units", token);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.headers["retry-after"], "20");
  EXPECT_EQ(server.call("GET", "/api/v1/units", server.token(kApprover)).status, 200);  // per token
}

}  // namespace
}  // namespace uppsikt::api
