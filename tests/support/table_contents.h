#pragma once
// Every row of every table of a test database (support/backends.h), as text, for tests that
// must show that nothing changed (a backup's round trip): table name → its rows, sorted.
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace uppsikt::testing {

using TableContents = std::map<std::string, std::vector<std::string>>;

namespace detail {

inline TableContents sqlite_contents(const std::string& path) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    throw std::runtime_error("cannot open " + path);
  }
  const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db{raw, &sqlite3_close};
  auto rows = [&](const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db.get()));
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* text = sqlite3_column_text(st, i);
        row += (i ? "|" : "") + (text ? std::string(reinterpret_cast<const char*>(text)) : "NULL");
      }
      out.push_back(row);
    }
    sqlite3_finalize(st);
    return out;
  };
  TableContents contents;
  for (const auto& table :
       rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
    contents[table] = rows("SELECT * FROM \"" + table + "\"");
  return contents;
}

using PgConnection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

inline PgConnection pg_connect(const std::string& url) {
  PgConnection conn{PQconnectdb(url.c_str()), &PQfinish};
  if (PQstatus(conn.get()) != CONNECTION_OK)
    throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(conn.get()));
  return conn;
}

// The first column of every row `sql` gives.
inline std::vector<std::string> pg_rows(PGconn* conn, const std::string& sql) {
  const std::unique_ptr<PGresult, decltype(&PQclear)> result{PQexec(conn, sql.c_str()), &PQclear};
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
    throw std::runtime_error(sql + ": " + PQerrorMessage(conn));
  std::vector<std::string> out;
  for (int i = 0; i < PQntuples(result.get()); ++i) out.emplace_back(PQgetvalue(result.get(), i, 0));
  return out;
}

inline TableContents postgresql_contents(const std::string& url) {
  const auto conn = pg_connect(url);
  TableContents contents;
  for (const auto& table : pg_rows(conn.get(), "SELECT table_name FROM information_schema.tables "
                                               "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))
    contents[table] = pg_rows(conn.get(), "SELECT CAST(t AS TEXT) FROM \"" + table + "\" t");
  return contents;
}

}  // namespace detail

// The first column of every row of `sql`, run on the PostgreSQL database at `url`.
inline std::vector<std::string> postgresql_rows(const std::string& url, const std::string& sql) {
  return detail::pg_rows(detail::pg_connect(url).get(), sql);
}

// `url` as support/backends.h's TestDatabase gives it: an SQLite path or a PostgreSQL URL.
inline TableContents table_contents(const std::string& url) {
  auto contents = url.starts_with("postgresql://") ? detail::postgresql_contents(url)
                                                    : detail::sqlite_contents(url);
  for (auto& [table, rows] : contents) std::sort(rows.begin(), rows.end());
  return contents;
}

}  // namespace uppsikt::testing
