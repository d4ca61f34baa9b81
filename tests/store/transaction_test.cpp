// The store's promises beyond field mapping: migrations, atomic and durable transactions,
// version conflicts, constraints and concurrent writers, on real SQLite (and PostgreSQL) databases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/backends.h"
#include "support/temp_dir.h"

namespace uppsikt::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

// The number of migrations in src/store/schema.cpp, and the highest version among them
// (each part owns a number, so a higher one may land before a lower one).
constexpr int kMigrationCount = 29;
constexpr int kLatestVersion = 37;

// SQLite specifics, checked with plain SQLite beside the store.
class SqliteFileTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open(path()); }
  void TearDown() override { store_.reset(); }
  std::string path() const { return dir_.file("uppsikt.db"); }

  // One text value that a query on the file returns, read with plain SQLite beside the store.
  std::string query_text(const std::string& sql) const {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path().c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK);
    std::string value;
    if (sqlite3_step(st) == SQLITE_ROW)
      value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

Id add_response(Tx& tx) {
  const Id unit = tx.add_unit(Unit{.name = "Miljö- och klimatnämnden"});
  const Id round = tx.add_round(Round{.name = "Uppföljning 2024", .year = 2024});
  return tx.add_response(Response{.round_id = round, .unit_id = unit});
}

Id add_question(Tx& tx, Id round) {
  const Id scale = tx.add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  return tx.add_question(Question{.round_id = round, .text = "Fråga", .scale_id = scale});
}

// Runs each test on a fresh database of every backend (see support/backends.h).
class BackendTxTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (auto why = testing::unavailable(GetParam())) GTEST_SKIP() << *why;
    db_.emplace(GetParam());
    store_ = open(url());
  }
  void TearDown() override { store_.reset(); }  // before db_ goes

  const std::string& url() const { return db_->url(); }  // what open() was given

  std::optional<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, BackendTxTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(BackendTxTest, OpeningTwiceKeepsDataAndAppliesNoMigration) {
  EXPECT_EQ(store_->schema_version(), kLatestVersion);
  {
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Kulturnämnden"});
    tx->commit();
  }
  store_.reset();
  store_ = open(url());
  EXPECT_EQ(store_->schema_version(), kLatestVersion);
  EXPECT_TRUE(store_->begin_read()->unit_by_name("Kulturnämnden"));
}

TEST_P(BackendTxTest, CommittedDataSurvivesReopen) {
  Id id = 0;
  {
    auto tx = store_->begin();
    id = tx->add_unit(Unit{.name = "Miljö- och klimatnämnden", .kind = UnitKind::namnd});
    tx->commit();
  }
  store_.reset();
  auto reopened = open(url());
  const auto unit = reopened->begin_read()->unit(id);
  ASSERT_TRUE(unit);
  EXPECT_EQ(unit->name, "Miljö- och klimatnämnden");
}

TEST_P(BackendTxTest, TransactionWithoutCommitLeavesNothing) {
  {
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Kulturnämnden"});
    EXPECT_TRUE(tx->unit_by_name("Kulturnämnden"));  // visible inside the transaction
  }
  EXPECT_FALSE(store_->begin_read()->unit_by_name("Kulturnämnden"));
  EXPECT_TRUE(store_->begin_read()->units().empty());
}

// Statements are kept prepared between transactions; one that read a single row of several
// must not keep its connection reading the database as it was.
TEST_P(BackendTxTest, AReadSeesWhatWasCommittedAfterTheConnectionsLastRead) {
  Id id = 0;
  {
    auto tx = store_->begin();
    id = tx->add_unit(Unit{.name = "Kulturnämnden"});
    tx->add_unit(Unit{.name = "Miljönämnden"});
    tx->commit();
  }
  auto read_on_second_connection = [&](auto read) {
    auto first = store_->begin_read();  // holds the first pooled connection
    auto second = store_->begin_read();
    read(*second);
    second->commit();
  };
  read_on_second_connection([&](Tx& tx) { ASSERT_TRUE(tx.unit(id)); });
  {
    auto tx = store_->begin();
    auto unit = tx->unit(id);
    unit->name = "Kultur- och fritidsnämnden";
    tx->update_unit(*unit);
    tx->commit();
  }
  read_on_second_connection([&](Tx& tx) {
    EXPECT_TRUE(tx.unit_by_name("Kultur- och fritidsnämnden"));
    EXPECT_EQ(tx.units().size(), 2u);
  });
}

TEST_P(BackendTxTest, StaleResponseVersionIsAConflict) {
  auto tx = store_->begin();
  const Id response = add_response(*tx);
  tx->update_response_status(response, ResponseStatus::draft, 1, "2024-05-01T10:00:00Z");
  const auto updated = tx->response(response);
  EXPECT_EQ(updated->status, ResponseStatus::draft);
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->updated_at, "2024-05-01T10:00:00Z");
  // A second writer still holding version 1.
  EXPECT_THROW(tx->update_response_status(response, ResponseStatus::submitted, 1, "later"),
               ConflictError);
  EXPECT_EQ(tx->response(response)->status, ResponseStatus::draft);
  // A response that does not exist is a plain StoreError, not a conflict.
  try {
    tx->update_response_status(response + 100, ResponseStatus::draft, 1, "");
    FAIL() << "expected StoreError";
  } catch (const ConflictError&) {
    FAIL() << "a missing response is not a conflict";
  } catch (const StoreError& e) {
    EXPECT_STREQ(std::string(e.what()).substr(0, 7).c_str(), "store: ");
  }
}

TEST_P(BackendTxTest, SavingAnAnswerAgainReplacesItAndRaisesTheVersion) {
  auto tx = store_->begin();
  const Id response = add_response(*tx);
  const Id question = add_question(*tx, tx->response(response)->round_id);
  Answer answer{.response_id = response, .question_id = question, .choice = "Nej"};
  const Id id = tx->save_answer(answer, 0);

  answer.choice = "Ja";
  answer.comment = "Klart.";
  answer.changed_by = "bertil";
  EXPECT_EQ(tx->save_answer(answer, 1), id);  // based on version 1
  const auto stored = tx->answers(response);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].id, id);
  EXPECT_EQ(stored[0].choice, "Ja");
  EXPECT_EQ(stored[0].comment, "Klart.");
  EXPECT_EQ(stored[0].changed_by, "bertil");
  EXPECT_EQ(stored[0].version, 2);

  answer.choice = "Nej";
  EXPECT_EQ(tx->save_answer(answer, 2), id);
  EXPECT_EQ(tx->answers(response)[0].version, 3);
}

TEST_P(BackendTxTest, AnswerOfAQuestionIsThatAnswerOrNothing) {
  auto tx = store_->begin();
  const Id response = add_response(*tx);
  const Id round = tx->response(response)->round_id;
  const Id question = add_question(*tx, round);
  const Id unanswered =
      tx->add_question(Question{.round_id = round, .text = "Annan fråga", .scale_id = tx->question(question)->scale_id});
  tx->save_answer(Answer{.response_id = response, .question_id = question, .choice = "Ja", .comment = "Klart."}, 0);
  const auto answer = tx->answer_of(response, question);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->choice, "Ja");
  EXPECT_EQ(answer->comment, "Klart.");
  EXPECT_EQ(answer->version, 1);
  EXPECT_FALSE(tx->answer_of(response, unanswered));
}

TEST_P(BackendTxTest, StaleAnswerVersionIsAConflict) {
  auto tx = store_->begin();
  const Id response = add_response(*tx);
  const Id question = add_question(*tx, tx->response(response)->round_id);
  Answer anna{.response_id = response, .question_id = question, .choice = "Ja"};
  tx->save_answer(anna, 0);
  Answer bertil = tx->answers(response)[0];  // both read version 1
  anna.choice = "Nej";
  tx->save_answer(anna, 1);  // version 1 → 2
  bertil.choice = "Delvis";
  EXPECT_THROW(tx->save_answer(bertil, bertil.version), ConflictError);
  EXPECT_EQ(tx->answers(response)[0].choice, "Nej");
}

TEST_P(BackendTxTest, DuplicateUnitNameIsAStoreErrorAndLeavesNothing) {
  {
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Kulturnämnden"});
    tx->commit();
  }
  {
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Idrotts- och föreningsnämnden"});
    try {
      tx->add_unit(Unit{.name = "Kulturnämnden"});
      FAIL() << "expected StoreError";
    } catch (const StoreError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("store: add_unit: ", 0), 0u) << e.what();
    }
  }  // the use case failed: its transaction rolls back
  const auto units = store_->begin_read()->units();
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].name, "Kulturnämnden");
}

TEST_P(BackendTxTest, ForeignKeysAreEnforced) {
  auto tx = store_->begin();
  EXPECT_THROW(tx->add_node(Node{.document_id = 4711, .title = "Föräldralös"}), StoreError);
  EXPECT_THROW(tx->add_unit(Unit{.parent_id = 4711, .name = "Utan förälder"}), StoreError);
}

TEST_F(SqliteFileTest, JournalIsWal) { EXPECT_EQ(query_text("PRAGMA journal_mode"), "wal"); }

TEST_F(SqliteFileTest, OneVersionRowPerMigrationAfterReopen) {
  store_.reset();
  store_ = open("sqlite:" + path());
  EXPECT_EQ(query_text("SELECT COUNT(*) FROM schema_version"), std::to_string(kMigrationCount));
  EXPECT_EQ(query_text("SELECT MAX(version) FROM schema_version"),
            std::to_string(kLatestVersion));
}

TEST_F(SqliteFileTest, PathWithSpaceOpens) {
  const auto spaced = dir_.path() / "med mellanslag";
  fs::create_directories(spaced);
  auto store = open((spaced / "uppsikt db.sqlite").string());
  EXPECT_EQ(store->schema_version(), kLatestVersion);
  EXPECT_TRUE(fs::exists(spaced / "uppsikt db.sqlite"));
}

TEST_P(BackendTxTest, ReadTransactionRefusesWrites) {
  auto tx = store_->begin_read();
  EXPECT_THROW(tx->add_unit(Unit{.name = "Kulturnämnden"}), StoreError);
}

TEST_P(BackendTxTest, CommittedTransactionRefusesFurtherUse) {
  auto tx = store_->begin();
  tx->commit();
  EXPECT_THROW(tx->add_unit(Unit{.name = "Kulturnämnden"}), StoreError);
  EXPECT_THROW(tx->commit(), StoreError);
}

TEST_P(BackendTxTest, ConcurrentWritersAllSucceed) {
  constexpr int kThreads = 2;
  constexpr int kWritesPerThread = 50;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        try {
          auto tx = store_->begin();
          tx->add_unit(Unit{.name = "Enhet " + std::to_string(t) + "-" + std::to_string(i)});
          tx->units();  // a read inside the writer, as services do
          tx->commit();
        } catch (const StoreError&) {
          ++failures[t];
        }
      }
    });
  }
  // A reader beside them is not blocked by the writers.
  for (int i = 0; i < 20; ++i) store_->begin_read()->units();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(kThreads, 0));
  EXPECT_EQ(store_->begin_read()->units().size(),
            static_cast<std::size_t>(kThreads * kWritesPerThread));
}

TEST(StoreOpenTest, MissingDirectoryIsAStoreErrorNamingThePath) {
  const std::string path = "/nonexistent-uppsikt-dir/sub/uppsikt.db";
  try {
    open(path);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr(path)) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("store: ", 0), 0u) << e.what();
  }
}

TEST(StoreOpenTest, UnreachablePostgresqlIsAStoreErrorWithoutThePassword) {
  try {
    open("postgresql://uppsikt:hemligt@/uppsikt?host=/nonexistent-uppsikt-socket-dir");
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_THAT(std::string(e.what()), Not(HasSubstr("hemligt"))) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("store: ", 0), 0u) << e.what();
  }
}

TEST(StoreOpenTest, InMemoryDatabaseWorks) {
  auto store = open(":memory:");
  {
    auto tx = store->begin();
    tx->add_unit(Unit{.name = "Kulturnämnden"});
    tx->commit();
  }  // one connection: the Tx must end before the next begins
  EXPECT_EQ(store->begin_read()->units().size(), 1u);
}

}  // namespace
}  // namespace uppsikt::store
