// store::backup and store::restore: a round trip keeps every row of every table, and a
// restore refuses to replace data unless forced.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "store/backup.h"
#include "store/store.h"
#include "support/backends.h"
#include "support/table_contents.h"
#include "support/temp_dir.h"

namespace uppsikt::store {
namespace {

using ::testing::HasSubstr;

class BackupTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (auto why = testing::unavailable(GetParam())) GTEST_SKIP() << *why;
    db_.emplace(GetParam());
    store_ = open(db_->url());
  }
  void TearDown() override { store_.reset(); }  // before db_ goes

  std::string file(const std::string& name) const { return dir_.file(name); }

  testing::TempDir dir_;
  std::optional<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

// A row in every table (of migrations 1–3), with Swedish letters, line breaks and quotes in the text.
void fill_every_table(Store& store) {
  auto tx = store.begin();
  const Id city = tx->add_unit(Unit{.name = "Göteborgs Stad", .kind = UnitKind::kommun});
  const Id unit = tx->add_unit(Unit{.parent_id = city, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
  const Id doc = tx->add_document(Document{.title = "Program för trygghet", .period = "2022–2026"});
  const Id area = tx->add_node(Node{.document_id = doc, .number = "1", .title = "Målområde 1"});
  const Id item = tx->add_node(Node{.document_id = doc, .parent_id = area, .kind = NodeKind::item,
                                    .number = "1:1", .text = "Öka kunskapen \"om\" brott"});
  const Id scale = tx->add_scale(Scale{.name = "Ja/Nej/Delvis", .options = {"Ja", "Nej", "Delvis"}});
  const Id round = tx->add_round(Round{.name = "Uppföljning 2024", .year = 2024, .status = RoundStatus::open});
  const Id question = tx->add_question(Question{.round_id = round, .node_id = item, .text = "Har ni?", .scale_id = scale});
  const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit});
  tx->save_answer(Answer{.response_id = response, .question_id = question, .choice = "Delvis",
                         .comment = "Första stycket.\n\nAndra stycket, med å ä ö och 'citat'."}, 0);
  const Id user = tx->add_user(User{.email = "svea@example.se", .name = "Svea Svarande",
                                    .password_hash = "$argon2id$x", .created_at = "2024-05-01T08:00:00Z"});
  tx->add_grant(Grant{user, Role::respondent, unit});
  tx->add_session(Session{.token_hash = "abc", .user_id = user, .csrf_token = "c",
                          .created_at = "2024-05-01T08:00:00Z", .last_seen_at = "2024-05-01T08:01:00Z"});
  tx->add_login_attempt(LoginAttempt{.at = "2024-05-01T08:00:00Z", .email = "svea@example.se",
                                     .remote_address = "127.0.0.1", .succeeded = true});
  tx->add_upload(Upload{.token_hash = "t", .user_id = user, .file_name = "svar.txt",
                        .bytes = std::string("a\0b", 3), .created_at = "2024-05-01T08:00:00Z"});
  tx->add_audit(AuditEntry{.at = "2024-05-01T08:00:00Z", .user_id = user, .unit_id = unit,
                           .action = "answer_save", .entity = "answer", .after_json = "{\"x\":1}"});
  tx->commit();
}

TEST_P(BackupTest, RoundTripKeepsEveryRowOfEveryTable) {
  fill_every_table(*store_);
  const auto before = testing::table_contents(db_->url());
  // Every table is compared; these at least have rows (tables added later may be empty).
  for (const char* table : {"units", "documents", "nodes", "scales", "scale_options", "rounds",
                            "questions", "responses", "answers", "users", "grants", "sessions",
                            "login_attempts", "import_uploads", "audit"}) {
    ASSERT_TRUE(before.contains(table)) << table;
    EXPECT_FALSE(before.at(table).empty()) << table << " has no row to compare";
  }

  int last_percent = -1;
  backup(db_->url(), file("kopia"), [&](int percent) { last_percent = percent; });
  EXPECT_EQ(last_percent, 100);
  EXPECT_FALSE(std::filesystem::exists(file("kopia.tmp")));

  // A change after the backup, which the restore must undo.
  {
    auto tx = store_->begin();
    tx->add_unit(Unit{.name = "Ny nämnd efter kopian"});
    tx->commit();
  }
  store_.reset();
  EXPECT_THROW(restore(db_->url(), file("kopia"), false, {}), NotEmptyError);
  EXPECT_NE(testing::table_contents(db_->url()), before) << "a refused restore changed nothing";

  last_percent = -1;
  restore(db_->url(), file("kopia"), true, [&](int percent) { last_percent = percent; });
  EXPECT_EQ(last_percent, 100);
  EXPECT_EQ(testing::table_contents(db_->url()), before);

  // The restored database works as a store, and its ids go on after the restored ones.
  store_ = open(db_->url());
  auto tx = store_->begin();
  EXPECT_TRUE(tx->unit_by_name("Miljöförvaltningen"));
  EXPECT_FALSE(tx->unit_by_name("Ny nämnd efter kopian"));
  EXPECT_GT(tx->add_unit(Unit{.name = "Ännu en nämnd"}), 2);
}

// pg_restore brings no planner statistics; without them PostgreSQL guesses few rows a table and
// plans the national compiled report's counts as nested loops (14 s instead of 1 s).
TEST_P(BackupTest, ARestoredPostgresqlDatabaseHasPlannerStatistics) {
  if (std::string{GetParam()} != "postgresql") GTEST_SKIP() << "SQLite's backup copies sqlite_stat1 as it is";
  fill_every_table(*store_);
  backup(db_->url(), file("kopia"), {});
  store_.reset();
  restore(db_->url(), file("kopia"), true, {});
  const auto analysed = testing::postgresql_rows(
      db_->url(), "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                  "AND last_analyze IS NOT NULL AND relname IN ('answers', 'responses') ORDER BY relname");
  EXPECT_EQ(analysed, (std::vector<std::string>{"answers", "responses"}));
}

TEST_P(BackupTest, RestoreIntoANewSqliteFileNeedsNoForce) {
  if (std::string{GetParam()} != "sqlite") GTEST_SKIP() << "PostgreSQL restores into its own schema";
  fill_every_table(*store_);
  backup(db_->url(), file("kopia"), {});
  const std::string fresh = file("ny.db");
  restore(fresh, file("kopia"), false, {});
  auto before = testing::table_contents(db_->url());
  EXPECT_EQ(testing::table_contents(fresh), before);
}

TEST_P(BackupTest, RestoreOfAFileThatIsNoBackupSaysSoAndChangesNothing) {
  fill_every_table(*store_);
  const auto before = testing::table_contents(db_->url());
  std::ofstream(file("skräp")) << "inte en säkerhetskopia";
  try {
    restore(db_->url(), file("skräp"), true, {});
    FAIL() << "restored from a file that is no backup";
  } catch (const StoreError& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("ingen säkerhetskopia")) << e.what();
  }
  EXPECT_EQ(testing::table_contents(db_->url()), before);
}

}  // namespace
}  // namespace uppsikt::store
