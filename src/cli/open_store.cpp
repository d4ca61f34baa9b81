#include "cli/open_store.h"

#include "cli/subcommands.h"

namespace uppsikt::cli {

std::unique_ptr<store::Store> open_store(const std::string& db) {
  if (db.empty()) throw UsageError("ange databasen med --db eller UPPSIKT_DB");
  try {
    return store::open(db);
  } catch (const store::StoreError& e) {
    throw UsageError("kan inte öppna databasen " + db + ": " + e.what());
  }
}

}  // namespace uppsikt::cli
