#include "store/statement_cache_impl.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace uppsikt::store {

std::unique_ptr<soci::statement> StatementCache::take(soci::session& session, const std::string& query) {
  if (auto found = statements_.find(query); found != statements_.end()) {
    auto statement = std::move(found->second);
    statements_.erase(found);
    return statement;
  }
  auto statement = std::make_unique<soci::statement>(session);
  statement->alloc();
  statement->prepare(query);
  return statement;
}

void StatementCache::give_back(const std::string& query, std::unique_ptr<soci::statement> statement) {
  // An SQLite statement that has not run to its end keeps its read snapshot, even past the
  // transaction's COMMIT; a reset ends it. SOCI's PostgreSQL statements hold no cursor.
  if (dialect_.name == kSqliteDialect.name)
    sqlite_api::sqlite3_reset(static_cast<soci::sqlite3_statement_backend*>(statement->get_backend())->stmt_);
  statement->bind_clean_up();  // the variables it was bound to are the caller's, soon gone
  if (statements_.size() >= kLimit) statements_.clear();
  statements_.emplace(query, std::move(statement));
}

}  // namespace uppsikt::store
