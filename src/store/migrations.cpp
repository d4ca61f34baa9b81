// Applying the schema's migrations (schema.cpp) to a database, each once and whole.
#include "store/migrations_impl.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "store/schema_impl.h"
#include "store/store.h"

namespace uppsikt::store {
namespace {

bool applied(soci::session& sql, int version) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM schema_version WHERE version = :version", soci::into(count),
      soci::use(version);
  return count > 0;
}

void apply(soci::session& sql, const Dialect& dialect, const Migration& migration) {
  sql << std::string{dialect.begin_write};
  try {
    if (!dialect.lock_migrations.empty()) sql << std::string{dialect.lock_migrations};
    if (applied(sql, migration.version)) {  // another process got here first
      sql << "ROLLBACK";
      return;
    }
    for (const auto& statement : migration.statements(dialect)) sql << statement;
    const std::string name = migration.name;
    sql << "INSERT INTO schema_version (version, name) VALUES (:version, :name)",
        soci::use(migration.version), soci::use(name);
    sql << "COMMIT";
  } catch (const std::exception& e) {
    try {
      sql << "ROLLBACK";
    } catch (...) {
      // The failed statement may have ended the transaction already.
    }
    throw StoreError(fmt::format("store: migration {} ({}): {}", migration.version,
                                 migration.name, e.what()));
  }
}

}  // namespace

void migrate(soci::session& sql, const Dialect& dialect) {
  try {
    // The version table itself is the one thing created outside a migration.
    sql << "CREATE TABLE IF NOT EXISTS schema_version ("
           " version INTEGER PRIMARY KEY,"
           " name TEXT NOT NULL)";
  } catch (const std::exception& e) {
    throw StoreError(fmt::format("store: cannot create schema_version: {}", e.what()));
  }
  const int current = schema_version(sql);
  if (current > latest_schema_version())
    throw StoreError(fmt::format(
        "store: the database is at schema version {} but this program knows only {}; "
        "upgrade the program",
        current, latest_schema_version()));
  // Each part of the program owns a version number, so a number may land before a lower one:
  // every migration not yet applied runs, in version order.
  for (const auto& migration : schema_migrations())
    if (!applied(sql, migration.version)) apply(sql, dialect, migration);
}

int schema_version(soci::session& sql) {
  try {
    int version = 0;
    soci::indicator indicator = soci::i_ok;
    sql << "SELECT MAX(version) FROM schema_version", soci::into(version, indicator);
    return indicator == soci::i_ok ? version : 0;
  } catch (const std::exception& e) {
    throw StoreError(fmt::format("store: schema_version: {}", e.what()));
  }
}

// The highest version, not the count: each part of the program owns a number, and a
// program may know a later number before an earlier one lands.
int latest_schema_version() {
  int latest = 0;
  for (const auto& migration : schema_migrations()) latest = std::max(latest, migration.version);
  return latest;
}

}  // namespace uppsikt::store
