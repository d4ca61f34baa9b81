// uppsikt init --db PATH: creates the database or brings its schema up to date.
#include <iostream>

#include "cli/open_store.h"
#include "cli/subcommands.h"

namespace uppsikt::cli {

int init_command(const std::string& db) {
  auto store = open_store(db);
  std::cout << "Databasen " << db << " är klar (schemaversion " << store->schema_version() << ").\n";
  return 0;
}

}  // namespace uppsikt::cli
