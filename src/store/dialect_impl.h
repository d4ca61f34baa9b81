#pragma once
// The few places where SQLite and PostgreSQL SQL differ. Every query outside the schema is
// written in the subset both accept (":name" placeholders, RETURNING, ON CONFLICT, LIMIT),
// so a backend is a Dialect plus a way to open sessions.
#include <string_view>

namespace uppsikt::store {

struct Dialect {
  std::string_view name;
  // Primary key column that the database numbers itself.
  std::string_view id_column;
  // Type of a column that refers to an id.
  std::string_view id_type;
  // Appended to CREATE TABLE: SQLite's STRICT makes it reject values of the wrong type,
  // as PostgreSQL always does.
  std::string_view table_options;
  // Starts a transaction that may write. SQLite takes the write lock at once (IMMEDIATE) so
  // that two transactions never both read and then deadlock upgrading to write.
  std::string_view begin_write;
  // Starts a transaction that only reads; in WAL mode it runs beside a writer.
  std::string_view begin_read;
  // Run right after begin_write in a migration, so that two processes opening the same
  // database apply each migration once. Empty where begin_write already locks.
  std::string_view lock_migrations;
  // One writer at a time: SQLite's busy handler polls a held write lock with sleeps of up to
  // 100 ms, so the store's own writers queue on a mutex and are woken as soon as it is free.
  bool one_writer = false;
  // Updates the planner's statistics; empty where the store's queries do without.
  std::string_view update_statistics;
  // Appended to a SELECT whose rows a transaction claims (the outbox): rows another
  // transaction holds are passed over instead of waited for. Empty where a write
  // transaction already excludes every other (SQLite's IMMEDIATE).
  std::string_view skip_locked;
  // A column of bytes (BLOB, BYTEA), and how statements move bytes through SOCI's strings ({}
  // is the parameter or the column). SQLite binds a string with its length, so it takes the
  // bytes themselves; PostgreSQL's text parameters take no NUL byte, so bytes go to it as hex.
  // Both give them back as hex, which no string type mangles.
  std::string_view bytes_type;
  std::string_view bytes_from_param;
  bool bytes_bound_as_hex = false;
  std::string_view bytes_as_hex;
};

inline constexpr Dialect kSqliteDialect{
    .name = "sqlite",
    .id_column = "INTEGER PRIMARY KEY",
    .id_type = "INTEGER",
    .table_options = " STRICT",
    .begin_write = "BEGIN IMMEDIATE",
    .begin_read = "BEGIN",
    .lock_migrations = "",
    .one_writer = true,
    .bytes_type = "BLOB",
    .bytes_from_param = "CAST({} AS BLOB)",
    .bytes_bound_as_hex = false,
    .bytes_as_hex = "hex({})",
};

inline constexpr Dialect kPostgresqlDialect{
    .name = "postgresql",
    .id_column = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    .id_type = "BIGINT",
    .table_options = "",
    .begin_write = "BEGIN",
    .begin_read = "BEGIN READ ONLY",
    .lock_migrations = "LOCK TABLE schema_version IN EXCLUSIVE MODE",
    // The tables a bulk load fills; the rest are small or keep their statistics up to date
    // through autovacuum soon enough.
    .update_statistics = "ANALYZE units, documents, nodes, rounds, questions, responses, answers",
    .skip_locked = " FOR UPDATE SKIP LOCKED",
    .bytes_type = "BYTEA",
    .bytes_from_param = "decode({}, 'hex')",
    .bytes_bound_as_hex = true,
    .bytes_as_hex = "encode({}, 'hex')",
};

}  // namespace uppsikt::store
