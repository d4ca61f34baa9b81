#pragma once
// Statements prepared once per pooled connection and used again by later transactions on it.
// Preparing is parsing and planning: SQLite spent a third of an answer page's time preparing
// the same twenty queries again on every request.
#include <soci/soci.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/dialect_impl.h"

namespace uppsikt::store {

class StatementCache {
 public:
  explicit StatementCache(const Dialect& dialect) : dialect_(dialect) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement for `query` on `session`, prepared before or now, with no bindings. It is
  // the caller's until given back; one that fails is not given back and so is dropped.
  std::unique_ptr<soci::statement> take(soci::session& session, const std::string& query);
  // Keeps `statement` for the next use of `query`, ended so that it holds no lock meanwhile.
  void give_back(const std::string& query, std::unique_ptr<soci::statement> statement);

 private:
  // Queries built at run time (a list of n ids) could grow the cache without end; at this
  // size it starts over.
  static constexpr std::size_t kLimit = 256;

  const Dialect& dialect_;
  std::unordered_map<std::string, std::unique_ptr<soci::statement>> statements_;
};

// A pooled session and its statements, as one transaction uses them.
struct Connection {
  soci::session& session;
  StatementCache& statements;
};

}  // namespace uppsikt::store
