// Answers inserted in bulk, which is what makes a national data set (1.8 million answers) a
// matter of minutes: SQLite runs one prepared statement for every row (no round trip to pay);
// PostgreSQL gets the rows through COPY, since a statement per row would cost a round trip each.
#include <libpq-fe.h>
#include <map>
#include <soci/postgresql/soci-postgresql.h>

#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

// A value in COPY's text format: backslash, tab and line breaks escaped.
void append_copy_text(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

std::string copy_rows(const std::vector<Answer>& answers) {
  std::string rows;
  for (const auto& a : answers) {
    rows += std::to_string(a.response_id) + '\t' + std::to_string(a.question_id) + '\t';
    append_copy_text(rows, a.choice);
    rows += '\t';
    append_copy_text(rows, a.comment);
    rows += '\t' + std::to_string(a.version) + '\t';
    append_copy_text(rows, a.changed_by);
    rows += '\t';
    append_copy_text(rows, a.changed_at);
    rows += '\n';
  }
  return rows;
}

void copy_postgresql(soci::session& sql, const std::vector<Answer>& answers) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGconn* conn = backend->conn_;
  auto fail = [&](const char* step) {
    throw StoreError(fmt::format("{}: {}", step, PQerrorMessage(conn)));
  };
  PGresult* started = PQexec(conn,
                             "COPY answers (response_id, question_id, choice, comment, version, "
                             "changed_by, changed_at) FROM STDIN");
  const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
  PQclear(started);
  if (!copying) fail("COPY");
  const std::string rows = copy_rows(answers);
  if (PQputCopyData(conn, rows.data(), static_cast<int>(rows.size())) != 1) fail("COPY data");
  if (PQputCopyEnd(conn, nullptr) != 1) fail("COPY end");
  bool ok = true;
  std::string error;
  while (PGresult* result = PQgetResult(conn)) {  // until the COPY's own result is read
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
      ok = false;
      error = PQresultErrorMessage(result);
    }
    PQclear(result);
  }
  if (!ok) throw StoreError("COPY: " + error);
}

void insert_prepared(soci::session& sql, const std::vector<Answer>& answers) {
  // SOCI binds columns, not structs: one vector per column.
  std::vector<long long> response_ids, question_ids;
  std::vector<int> versions;
  std::vector<std::string> choices, comments, changed_by, changed_at;
  for (const auto& a : answers) {
    response_ids.push_back(a.response_id);
    question_ids.push_back(a.question_id);
    choices.push_back(a.choice);
    comments.push_back(a.comment);
    versions.push_back(a.version);
    changed_by.push_back(a.changed_by);
    changed_at.push_back(a.changed_at);
  }
  soci::statement st =
      (sql.prepare << "INSERT INTO answers "
                      "(response_id, question_id, choice, comment, version, changed_by, changed_at) "
                      "VALUES (:response_id, :question_id, :choice, :comment, :version, "
                      ":changed_by, :changed_at)",
       soci::use(response_ids), soci::use(question_ids), soci::use(choices), soci::use(comments),
       soci::use(versions), soci::use(changed_by), soci::use(changed_at));
  st.execute(true);
}

}  // namespace

void SociTx::add_answers(const std::vector<Answer>& answers) {
  if (answers.empty()) return;
  write("add_answers", [&] {
    if (dialect_.name == kPostgresqlDialect.name) copy_postgresql(sql(), answers);
    else insert_prepared(sql(), answers);
    std::map<Id, const Answer*> latest;  // response → its latest answer in `answers`
    for (const auto& a : answers) {
      auto [it, added] = latest.emplace(a.response_id, &a);
      if (!added && it->second->changed_at < a.changed_at) it->second = &a;
    }
    for (const auto& [response_id, a] : latest) note_answer_change(db(), response_id, a->changed_at, a->changed_by);
  });
}

}  // namespace uppsikt::store
