// SQLite: one database file in WAL mode, shared by a small pool of connections so that
// readers run beside the one writer.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "store/backends_impl.h"
#include "store/migrations_impl.h"
#include "store/soci_store_impl.h"

namespace uppsikt::store {
namespace {

// Enough for a handful of server threads to read at once; SQLite has one writer anyway.
constexpr std::size_t kPoolSize = 4;
// How long a writer waits for another's lock before the transaction fails.
constexpr int kBusyTimeoutMs = 5000;
// RETURNING, which every insert uses, came with 3.35.
constexpr int kMinimumSqliteVersion = 3035000;
constexpr std::string_view kMemoryPath = ":memory:";

// SOCI's connect string is "key=value" pairs split at spaces; quoting keeps spaces in the path.
std::string connect_string(const std::string& path) { return "db=\"" + path + "\""; }

// soci-sqlite3.h includes <sqlite3.h> inside namespace sqlite_api.
// The library loaded at run time, which may be older than the headers built against.
void check_version() {
  const int version = sqlite_api::sqlite3_libversion_number();
  if (version >= kMinimumSqliteVersion) return;
  throw StoreError(fmt::format("store: SQLite {} is too old, 3.35 or newer is needed",
                               sqlite_api::sqlite3_libversion()));
}

// The settings SQLite keeps per connection, so every pooled connection gets them.
void set_up(soci::session& sql, bool in_memory) {
  // First, so that the journal-mode switch below also waits for other processes' locks.
  sql << fmt::format("PRAGMA busy_timeout = {}", kBusyTimeoutMs);
  std::string mode;
  sql << "PRAGMA journal_mode = WAL", soci::into(mode);
  if (mode != "wal" && !in_memory)
    throw StoreError(fmt::format("journal_mode is '{}', WAL is not available", mode));
  // NORMAL: a commit is written to the log but not synced; the store's GroupCommit syncs it,
  // once for every commit made meanwhile, before the commit returns. In memory there is no
  // log to sync.
  sql << (in_memory ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  sql << "PRAGMA foreign_keys = ON";
}

// Syncs the write-ahead log as SQLite itself would at a commit with synchronous=FULL, through
// the connection's own handle on the shared log: the sync covers every connection's commits
// written before. False when the disk refused.
bool sync_log(soci::session& sql) {
  auto* db = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  sqlite_api::sqlite3_file* log = nullptr;
  if (sqlite_api::sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log) != SQLITE_OK) return false;
  if (log == nullptr || log->pMethods == nullptr) return true;  // no log open: nothing written
  return log->pMethods->xSync(log, SQLITE_SYNC_NORMAL) == SQLITE_OK;
}

// Before SQLite initialises, once a process: a pooled connection is used by one thread at a
// time, so SQLite need not lock it on every call, nor count memory under a global lock.
// Where SQLite already runs (it was used before the store opened), it keeps its safe default.
void configure_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

void open_connection(soci::session& sql, const std::string& path, bool in_memory) {
  sql.open(soci::sqlite3, connect_string(path));
  set_up(sql, in_memory);
}

}  // namespace

std::unique_ptr<Store> open_sqlite(const std::string& path) {
  if (path.empty()) throw StoreError("store: no SQLite database path given");
  if (path.find('"') != std::string::npos)
    throw StoreError(fmt::format("store: SQLite path '{}' contains a double quote", path));
  // Each connection to ":memory:" would be its own empty database: use one.
  check_version();
  configure_sqlite();
  const bool in_memory = path == kMemoryPath;
  const std::size_t size = in_memory ? 1 : kPoolSize;
  auto pool = std::make_unique<soci::connection_pool>(size);
  try {
    for (std::size_t i = 0; i < size; ++i) open_connection(pool->at(i), path, in_memory);
  } catch (const std::exception& e) {
    throw StoreError(
        fmt::format("store: cannot open SQLite database '{}': {}", path, e.what()));
  }
  migrate(pool->at(0), kSqliteDialect);
  return std::make_unique<SociStore>(std::move(pool), size, kSqliteDialect,
                                     in_memory ? std::function<bool(soci::session&)>{} : sync_log);
}

}  // namespace uppsikt::store
