// SQLite backup and restore through SQLite's online backup API: a page-by-page copy taken
// inside one read transaction, so it is consistent while the server keeps writing (WAL lets
// writers go on beside a reader).
#include <sqlite3.h>

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/backends_impl.h"
#include "store/migrations_impl.h"

namespace uppsikt::store {
namespace {

// Pages copied per step: small enough for progress, large enough not to slow the copy.
constexpr int kPagesPerStep = 2048;
constexpr int kBusyTimeoutMs = 5000;
constexpr int kBusyRetryMs = 20;

// One connection of the plain SQLite API, closed at scope end.
class Connection {
 public:
  Connection(const std::string& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw StoreError(fmt::format("kan inte öppna {}: {}", path, why));
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() { return db_; }

  void execute(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return;
    const std::string why = error != nullptr ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw StoreError(why);
  }

  // The first column of each row of `sql`, as text (NULL as empty).
  std::vector<std::string> column(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw StoreError(sqlite3_errmsg(db_));
    std::vector<std::string> out;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(st, 0);
      out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw StoreError(sqlite3_errmsg(db_));
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Whether any table but schema_version holds a row.
bool holds_data(Connection& db) {
  const auto tables = db.column(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name <> 'schema_version'");
  for (const auto& table : tables)
    if (db.column("SELECT 1 FROM " + quoted(table) + " LIMIT 1").size() == 1) return true;
  return false;
}

// The schema version of a backup, or nullopt when the file is no Uppsikt database.
std::optional<int> schema_version_of(Connection& db) {
  try {
    const auto versions = db.column("SELECT MAX(version) FROM schema_version");
    if (versions.empty() || versions[0].empty()) return std::nullopt;
    return std::stoi(versions[0]);
  } catch (const std::exception&) {
    return std::nullopt;  // no such table, or not a database at all
  }
}

// Copies every page of `from` into `to`, telling `progress` the share done.
void copy_pages(Connection& from, Connection& to, const BackupProgress& progress) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (backup == nullptr) throw StoreError(sqlite3_errmsg(to.get()));
  int rc = SQLITE_OK;
  int reported = -1;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    const int total = sqlite3_backup_pagecount(backup);
    const int done = total - sqlite3_backup_remaining(backup);
    const int percent = total > 0 ? static_cast<int>(100LL * done / total) : 100;
    if (progress && percent != reported) progress(percent);
    reported = percent;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(kBusyRetryMs);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw StoreError(sqlite3_errstr(rc));
}

}  // namespace

void backup_sqlite(const std::string& path, const std::string& file, const BackupProgress& progress) {
  namespace fs = std::filesystem;
  if (!fs::exists(path)) throw StoreError(fmt::format("databasen {} finns inte", path));
  const std::string partial = file + ".tmp";
  std::error_code ignored;
  fs::remove(partial, ignored);
  try {
    Connection from(path, SQLITE_OPEN_READONLY);
    // One read transaction for the whole copy: a writer meanwhile does not restart it.
    from.execute("BEGIN");
    from.column("SELECT COUNT(*) FROM sqlite_master");
    {
      Connection to(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      copy_pages(from, to, progress);
      // One self-contained file: no -wal beside it, readable by a read-only open.
      to.execute("PRAGMA journal_mode = DELETE");
    }
    from.execute("COMMIT");
  } catch (const StoreError& e) {
    fs::remove(partial, ignored);
    throw StoreError(fmt::format("säkerhetskopieringen av {} misslyckades: {}", path, e.what()));
  }
  fs::rename(partial, file);
}

void restore_sqlite(const std::string& path, const std::string& file, bool force,
                    const BackupProgress& progress) {
  if (!std::filesystem::exists(file)) throw StoreError(fmt::format("filen {} finns inte", file));
  Connection from(file, SQLITE_OPEN_READONLY);
  const auto version = schema_version_of(from);
  if (!version)
    throw StoreError(fmt::format("{} är ingen säkerhetskopia av en Uppsikt-databas (SQLite)", file));
  if (*version > latest_schema_version())
    throw StoreError(fmt::format(
        "säkerhetskopian har schemaversion {} men programmet känner bara till {}; uppgradera programmet",
        *version, latest_schema_version()));
  {
    Connection to(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!force && holds_data(to))
      throw NotEmptyError(fmt::format("databasen {} innehåller redan data", path));
    try {
      copy_pages(from, to, progress);
    } catch (const StoreError& e) {
      throw StoreError(fmt::format("återställningen av {} misslyckades: {}", path, e.what()));
    }
  }
  open_sqlite(path);  // WAL again, and migrations newer than the backup
}

}  // namespace uppsikt::store
