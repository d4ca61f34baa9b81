#pragma once
// The databases that store and service tests run on: each test gets a fresh, empty database of
// every backend, so the same test proves the same promise on SQLite and on PostgreSQL.
//
//   class XTest : public testing::BackendTest {
//     void SetUp() override {
//       BackendTest::SetUp();  // store_ on a fresh database, or the test skipped
//       if (IsSkipped()) return;
//       … what the test needs in it …
//     }
//   };
//   INSTANTIATE_TEST_SUITE_P(Backends, XTest, ::testing::ValuesIn(testing::kBackends),
//                            testing::backend_name);
//
// PostgreSQL: the server named by UPPSIKT_TEST_POSTGRESQL, else by the URL in the file that
// UPPSIKT_TEST_POSTGRESQL_FILE names (ctest's "postgres" fixture writes it, see
// scripts/test-postgres). Each test creates its own schema in that database, connects with it
// as the only entry of search_path and drops it afterwards, so tests may run in parallel (a
// schema costs a tenth of a database to create and drop, with fsync on). The user in the URL
// needs CREATE on the database. With neither variable set the PostgreSQL variants are skipped.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/store.h"
#include "support/temp_dir.h"

namespace uppsikt::testing {

inline constexpr const char* kBackends[] = {"sqlite", "postgresql"};

// Test name suffix for INSTANTIATE_TEST_SUITE_P: "/sqlite", "/postgresql" (CMake labels by it).
inline std::string backend_name(const ::testing::TestParamInfo<const char*>& info) {
  return info.param;
}

// The URL of the PostgreSQL database the tests make their schemas in, or nullopt
// when no server is configured. A named URL file that is missing or empty is an error: the
// fixture that should have written it failed.
inline std::optional<std::string> postgresql_server_url() {
  if (const char* url = std::getenv("UPPSIKT_TEST_POSTGRESQL"); url != nullptr && *url != '\0')
    return url;
  const char* file = std::getenv("UPPSIKT_TEST_POSTGRESQL_FILE");
  if (file == nullptr || *file == '\0') return std::nullopt;
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || url.empty())
    throw std::runtime_error(std::string{"no PostgreSQL URL in "} + file +
                             " (did the postgres_start test fail?)");
  return url;
}

// Why the backend cannot be tested here, or nullopt when it can.
inline std::optional<std::string> unavailable(std::string_view backend) {
  if (backend == "postgresql" && !postgresql_server_url())
    return "neither UPPSIKT_TEST_POSTGRESQL nor UPPSIKT_TEST_POSTGRESQL_FILE is set";
  return std::nullopt;
}

// `url` with `schema` as its search path: new tables go there, unqualified names are found there.
inline std::string with_search_path(const std::string& url, const std::string& schema) {
  if (url.find("options=") != std::string::npos)
    throw std::runtime_error("the PostgreSQL test URL may not set options: " + url);
  const char* separator = url.find('?') == std::string::npos ? "?" : "&";
  return url + separator + "options=-csearch_path%3D" + schema;
}

// A fresh, empty database of one backend, removed at scope end: an SQLite file in its own
// temporary directory, or a new schema in the PostgreSQL test database.
class TestDatabase {
 public:
  explicit TestDatabase(std::string_view backend) {
    if (backend == "sqlite") {
      url_ = dir_.file("uppsikt.db");
      return;
    }
    if (backend != "postgresql")
      throw std::runtime_error("unknown backend " + std::string{backend});
    const auto server = postgresql_server_url();
    if (!server) throw std::runtime_error(*unavailable(backend));
    server_ = *server;
    std::random_device rd;
    name_ = "uppsikt_t_" + std::to_string(rd()) + "_" + std::to_string(rd());
    execute("CREATE SCHEMA " + name_);
    url_ = with_search_path(server_, name_);
  }
  ~TestDatabase() {
    if (name_.empty()) return;
    try {
      execute("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What store::open takes.
  const std::string& url() const { return url_; }

 private:
  // Runs one statement in the test database, outside the test schema; throws with the
  // server's message.
  void execute(const std::string& sql) const {
    const std::unique_ptr<PGconn, decltype(&PQfinish)> conn{PQconnectdb(server_.c_str()),
                                                            &PQfinish};
    if (PQstatus(conn.get()) != CONNECTION_OK)
      throw std::runtime_error("cannot connect to the PostgreSQL test server: " +
                               std::string{PQerrorMessage(conn.get())});
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);  // "drop cascades to"
    const std::unique_ptr<PGresult, decltype(&PQclear)> result{PQexec(conn.get(), sql.c_str()),
                                                               &PQclear};
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
      throw std::runtime_error(sql + ": " + PQerrorMessage(conn.get()));
  }

  TempDir dir_;
  std::string server_;
  std::string name_;  // of the PostgreSQL schema; empty for SQLite
  std::string url_;
};

// The fixture of a test on each backend: a fresh database and `store_` open on it, or the
// test skipped when the backend is not available here. The store closes before the database
// goes.
class BackendTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (auto why = unavailable(GetParam())) GTEST_SKIP() << *why;
    db_.emplace(GetParam());
    store_ = store::open(db_->url());
  }
  void TearDown() override { store_.reset(); }

  std::optional<TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace uppsikt::testing
