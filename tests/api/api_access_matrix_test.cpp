// The API's access matrix: every API route × every demo role (admin, coordinator, respondent,
// approver, reader), each with a token of its own that may write, on the role's own unit and a
// foreign unit; and every route without a token, with an expired one, with a revoked one, and
// with a read-only one; and every route with a service token bound to each role's own grant,
// which must answer as the person does. No answer ever shows the foreign town's data. A route without a row here
// fails the test by name; tests/web/access_matrix_test.cpp is the same for the pages.
//
// HOW TO ADD A ROUTE: add one row to kMatrix, in route-table order (src/api/routes.cpp):
//   {"METHOD", "/api/v1/pattern/{id}", Fill::…, "JSON body", {own statuses}, {foreign}, Access::…}
// - Statuses per role in the order admin, coordinator, respondent, approver, reader.
// - Writes go to a closed round (Fill::closed_response), so that none of them changes anything:
//   409 for whoever holds the role for the step, 403 for a role that sees the response but may
//   not take the step, 404 for whoever does not see it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>

#include "api/api_server.h"
#include "api/rate_limiter.h"
#include "http/router.h"
#include "support/temp_dir.h"

namespace uppsikt::api {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::Fetched;

enum class Fill {
  none,             // no placeholders
  round,            // {id}: own: the city's 2024 round; foreign: the neighbour's round
  response,         // {id}: the 2024 round, {unit}: own Miljöförvaltningen, foreign the neighbour's unit
  closed_response,  // {id}: a closed round with both units, {unit} as above; {question} its first question
  published,        // {id}: the demo's published round (2023)
};

enum class Needs { open, read, write };

constexpr int kRoles = 5;
using Statuses = std::array<int, kRoles>;
constexpr Statuses all(int s) { return {s, s, s, s, s}; }

struct Row {
  const char* method;
  const char* pattern;
  Fill fill;
  const char* body;
  Statuses own;
  Statuses foreign;
  Needs needs;
};

const Row kMatrix[] = {
    {"GET", "/api/v1/rounds", Fill::none, "", all(200), all(200), Needs::read},
    {"GET", "/api/v1/rounds/{id}", Fill::round, "", all(200), all(404), Needs::read},
    {"GET", "/api/v1/rounds/{id}/questions", Fill::round, "", all(200), all(404), Needs::read},
    {"GET", "/api/v1/units", Fill::none, "", all(200), all(200), Needs::read},
    // Creating: bodies that the services refuse after the permission check, so nothing changes.
    {"POST", "/api/v1/rounds/{id}/copy", Fill::round, R"({"name":"","year":2025})", {422, 422, 404, 404, 404}, all(404), Needs::write},
    {"POST", "/api/v1/units", Fill::none, R"({"name":"","kind":"namnd"})", {422, 403, 403, 403, 403}, all(403), Needs::write},
    {"POST", "/api/v1/people", Fill::none, R"({"email":"ny@example.se","name":"Ny","role":"respondent"})", {422, 403, 403, 403, 403}, all(403), Needs::write},
    {"GET", "/api/v1/rounds/{id}/responses", Fill::round, "", all(200), all(404), Needs::read},
    {"GET", "/api/v1/rounds/{id}/responses/{unit}", Fill::response, "", {200, 200, 200, 200, 404}, all(404), Needs::read},
    {"GET", "/api/v1/rounds/{id}/responses/{unit}/answers/{question}", Fill::response, "", {200, 200, 200, 200, 404}, all(404), Needs::read},
    {"PUT", "/api/v1/rounds/{id}/responses/{unit}/answers/{question}", Fill::closed_response, R"({"choice":"Ja"})", {409, 403, 409, 403, 404}, all(404), Needs::write},
    {"POST", "/api/v1/rounds/{id}/responses/{unit}/hand-in", Fill::closed_response, "", {409, 403, 409, 403, 404}, all(404), Needs::write},
    {"POST", "/api/v1/rounds/{id}/responses/{unit}/approve", Fill::closed_response, "", {409, 403, 403, 409, 404}, all(404), Needs::write},
    {"POST", "/api/v1/rounds/{id}/responses/{unit}/send-back", Fill::closed_response, R"({"message":"Fyll i mer."})", {409, 403, 403, 409, 404}, all(404), Needs::write},
    {"POST", "/api/v1/rounds/{id}/responses/{unit}/return", Fill::closed_response, R"({"message":"Fyll i mer."})", {409, 409, 403, 403, 404}, all(404), Needs::write},
    {"GET", "/api/v1/rounds/{id}/answers", Fill::round, "", all(200), all(404), Needs::read},
    {"GET", "/api/v1/rounds/{id}/report", Fill::round, "", {200, 200, 404, 404, 404}, all(404), Needs::read},
    {"GET", "/api/v1/published", Fill::none, "", all(200), all(200), Needs::open},
    {"GET", "/api/v1/published/{id}", Fill::published, "", all(200), all(200), Needs::open},
    {"GET", "/api/v1/audit", Fill::none, "", {200, 200, 403, 403, 403}, all(403), Needs::read},
    {"GET", "/api/v1/openapi.json", Fill::none, "", all(200), all(200), Needs::open},
    {"GET", "/api", Fill::none, "", all(200), all(200), Needs::open},
};

constexpr const char* kOwnRound = "Uppföljning 2024";
constexpr const char* kClosedRound = "API-matrisens stängda omgång";
constexpr const char* kForeignRound = "Grannstadens uppföljning";
constexpr const char* kForeignUnit = "Grannstadens nämnd";
constexpr const char* kForeignMarkers[] = {kForeignUnit, kForeignRound, "granne@grannstaden.se"};

// The neighbouring town with a response to the city's round and a round of its own, and a
// closed round of the city's with the respondent's unit and the neighbour's (as in the page
// matrix), so that writes are refused and change nothing.
void add_targets(store::Store& store) {
  auto tx = store.begin();
  const Id root = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
  const Id foreign = tx->add_unit(Unit{.parent_id = root, .name = kForeignUnit, .kind = UnitKind::namnd});
  const Id city = tx->unit_by_name("Göteborgs Stad")->id;
  const Id own = tx->unit_by_name("Miljöförvaltningen")->id;
  auto own_round = *tx->round_by_name(kOwnRound);
  own_round.unit_id = city;
  tx->update_round(own_round);
  tx->add_response(Response{.round_id = own_round.id, .unit_id = foreign, .status = ResponseStatus::draft,
                            .updated_at = "2026-01-01T00:00:00Z"});
  Question question = tx->questions(own_round.id).front();
  const Id foreign_round = tx->add_round(Round{.name = kForeignRound, .year = 2023, .status = RoundStatus::open, .unit_id = root});
  question.round_id = foreign_round;
  tx->add_question(question);
  tx->add_response(Response{.round_id = foreign_round, .unit_id = foreign, .status = ResponseStatus::draft});
  const Id closed = tx->add_round(Round{.name = kClosedRound, .year = 2024, .status = RoundStatus::closed,
                                        .requires_approval = true, .unit_id = city});
  question.round_id = closed;
  tx->add_question(question);
  for (Id unit : {own, foreign})
    tx->add_response(Response{.round_id = closed, .unit_id = unit, .status = ResponseStatus::submitted});
  tx->commit();
}

class ApiAccessMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::ApiServer({}, add_targets);
    for (const auto& account : service::demo_accounts()) {
      emails_.push_back(account.email);
      tokens_.push_back(server_->token(account.email, true, 30, "Matris"));
    }
    read_only_ = server_->token(emails_[2], false);
    auto expired = service::create_api_token_for(server_->store(), emails_[2], {.name = "Utgången", .days = 1},
                                                 service::Actor{},
                                                 [] { return service::system_now() - std::chrono::hours(30); });
    expired_ = expired.token;
    revoked_ = server_->token(emails_[2]);
    auto tx = server_->store().begin_read();
    const auto user = tx->user_by_email(emails_[2])->id;
    const Id id = tx->api_tokens_of(user).front().id;
    tx.reset();
    EXPECT_TRUE(service::revoke_api_token(server_->store(), service::Viewer{.user_id = user}, id).ok());
    for (int role = 1; role < kRoles; ++role) {  // no service token administers
      auto read = server_->store().begin_read();
      const Grant grant = read->grants(read->user_by_email(emails_[role])->id).front();
      read.reset();
      auto made = service::create_service_token_for(
          server_->store(), emails_[0],
          {.name = "System", .role = grant.role, .unit_id = grant.unit_id, .can_write = grant.role != Role::reader});
      EXPECT_TRUE(made.outcome.ok()) << emails_[role];
      service_tokens_[role] = made.token;
    }
  }
  static void TearDownTestSuite() { delete server_; }

  static std::string target(const Row& row, bool foreign) {
    auto tx = server_->store().begin_read();
    std::map<std::string, std::string> values;
    auto unit = [&](const char* name) { return std::to_string(tx->unit_by_name(name)->id); };
    const char* responding = foreign ? kForeignUnit : "Miljöförvaltningen";
    switch (row.fill) {
      case Fill::none: break;
      case Fill::round: values["{id}"] = std::to_string(tx->round_by_name(foreign ? kForeignRound : kOwnRound)->id); break;
      case Fill::response:
      case Fill::closed_response: {
        const Id round = tx->round_by_name(row.fill == Fill::response ? kOwnRound : kClosedRound)->id;
        values["{id}"] = std::to_string(round);
        values["{unit}"] = unit(responding);
        values["{question}"] = std::to_string(tx->questions(round).front().id);
        break;
      }
      case Fill::published: values["{id}"] = std::to_string(tx->round_by_name("Uppföljning 2023")->id); break;
    }
    std::string out = row.pattern;
    for (const auto& [placeholder, value] : values)
      if (auto at = out.find(placeholder); at != std::string::npos) out.replace(at, placeholder.size(), value);
    EXPECT_EQ(out.find('{'), std::string::npos) << row.pattern;
    return out;
  }

  static Fetched call(const Row& row, const std::string& path, const std::string& token) {
    const std::string if_match = std::string(row.method) == "PUT" ? "If-Match: \"1\"\r\n" : "";
    return server_->call(row.method, path, token, row.body, if_match);
  }

  static void expect_no_foreign_data(const Fetched& f, const std::string& cell) {
    for (const char* marker : kForeignMarkers)
      EXPECT_THAT(f.body, Not(HasSubstr(marker))) << cell << " shows " << marker;
  }

  static inline testing::ApiServer* server_;
  static inline std::vector<std::string> emails_, tokens_;
  static inline std::string read_only_, expired_, revoked_;
  static inline std::array<std::string, kRoles> service_tokens_;  // by role; none for admin
};

TEST_F(ApiAccessMatrixTest, EveryRouteHasARowAndEveryRowARoute) {
  testing::TempDir dir;
  auto store = store::open(dir.file("routes.db"));
  RateLimiter limiter(60);
  ApiSite site{*store, {}, limiter};
  http::Router router;
  add_routes(router, site);
  std::set<std::pair<std::string, std::string>> rows;
  for (const auto& row : kMatrix) rows.insert({row.method, row.pattern});
  for (const auto& entry : router.entries())
    EXPECT_TRUE(rows.erase({entry.method, entry.pattern}))
        << entry.method << " " << entry.pattern << " has no row in kMatrix (tests/api/api_access_matrix_test.cpp)";
  for (const auto& [method, pattern] : rows) ADD_FAILURE() << "kMatrix row " << method << " " << pattern << " names no route";
}

TEST_F(ApiAccessMatrixTest, EachRoleOnItsOwnAndAForeignUnit) {
  for (const auto& row : kMatrix) {
    const bool names_unit = row.fill != Fill::none && row.fill != Fill::published;
    for (int role = 0; role < kRoles; ++role) {
      const std::string cell = std::string(row.method) + " " + row.pattern + " as " + emails_[role];
      auto own = call(row, target(row, false), tokens_[role]);
      EXPECT_EQ(own.status, row.own[role]) << cell << " (own unit): " << own.body.substr(0, 300);
      expect_no_foreign_data(own, cell);
      if (!names_unit) continue;
      auto foreign = call(row, target(row, true), tokens_[role]);
      EXPECT_EQ(foreign.status, row.foreign[role]) << cell << " (foreign unit): " << foreign.body.substr(0, 300);
      expect_no_foreign_data(foreign, cell + " (foreign unit)");
    }
  }
}

TEST_F(ApiAccessMatrixTest, NoExpiredRevokedAndReadOnlyTokens) {
  for (const auto& row : kMatrix) {
    const std::string path = target(row, false);
    const std::string route = std::string(row.method) + " " + row.pattern;
    const int refused = row.needs == Needs::open ? row.own[2] : 401;
    EXPECT_EQ(call(row, path, "").status, refused) << route << " without a token";
    EXPECT_EQ(call(row, path, expired_).status, refused) << route << " with an expired token";
    EXPECT_EQ(call(row, path, revoked_).status, refused) << route << " with a revoked token";
    auto read_only = call(row, path, read_only_);
    EXPECT_EQ(read_only.status, row.needs == Needs::write ? 403 : row.own[2]) << route << " with a read-only token";
    if (row.needs == Needs::write) {
      EXPECT_THAT(read_only.body, HasSubstr("read-only-token")) << route;
    }
  }
}

// A reader's service token only reads, so it meets a write with 403 before anything else.
TEST_F(ApiAccessMatrixTest, AServiceTokenAnswersAsAPersonWithItsRoleOnItsUnit) {
  for (const auto& row : kMatrix) {
    const bool names_unit = row.fill != Fill::none && row.fill != Fill::published;
    for (int role = 1; role < kRoles; ++role) {
      const bool read_only = role == kRoles - 1;
      const std::string cell = std::string(row.method) + " " + row.pattern + " with a service token as " + emails_[role];
      const auto expected = [&](int status) { return read_only && row.needs == Needs::write ? 403 : status; };
      auto own = call(row, target(row, false), service_tokens_[role]);
      EXPECT_EQ(own.status, expected(row.own[role])) << cell << " (own unit): " << own.body.substr(0, 300);
      expect_no_foreign_data(own, cell);
      if (!names_unit) continue;
      auto foreign = call(row, target(row, true), service_tokens_[role]);
      EXPECT_EQ(foreign.status, expected(row.foreign[role])) << cell << " (foreign unit): " << foreign.body.substr(0, 300);
      expect_no_foreign_data(foreign, cell + " (foreign unit)");
    }
  }
}

}  // namespace
}  // namespace uppsikt::api
