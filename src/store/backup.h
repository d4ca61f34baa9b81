#pragma once
// Copies of a whole database, for `uppsikt backup` and `uppsikt restore`: SQLite through its
// online backup API (a consistent copy while the server runs), PostgreSQL through pg_dump and
// pg_restore (custom format, only the schema the store uses). Messages are in Swedish: the
// person at the command line reads them.
#include <functional>
#include <string>

#include "store/store.h"

namespace uppsikt::store {

// Told now and then how far the work has come, 0–100 (percent of pages or tables).
using BackupProgress = std::function<void(int percent)>;

// restore refused: the target already holds data and `force` was not given.
class NotEmptyError : public StoreError {
 public:
  using StoreError::StoreError;
};

// Writes a copy of the database at `url` (as store::open takes it) to `file`, replacing it.
// The copy appears whole or not at all (written beside it, then renamed). Throws StoreError.
void backup(const std::string& url, const std::string& file, const BackupProgress& progress);

// Replaces the database at `url` with the copy in `file` and brings its schema up to date.
// Refuses (NotEmptyError) when the database holds any row unless `force`. A PostgreSQL copy
// goes back into the schema it was taken from. Throws StoreError.
void restore(const std::string& url, const std::string& file, bool force,
             const BackupProgress& progress);

}  // namespace uppsikt::store
