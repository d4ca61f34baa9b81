// uppsikt backup --db DB --out FILE and uppsikt restore --db DB --from FILE [--force]:
// a copy of the whole database, with progress on stderr.
#include <iostream>

#include "cli/config_file.h"
#include "cli/subcommands.h"
#include "store/backup.h"

namespace uppsikt::cli {
namespace {

// Prints `what` once the work has begun, then "  40 %" lines on stderr, one per tenth, so
// that a log stays short.
store::BackupProgress progress_printer(const char* what) {
  return [what, last = -10](int percent) mutable {
    if (last < 0) std::cerr << what << " …\n";
    if (percent == last || (percent < last + 10 && percent != 100)) return;
    last = percent;
    std::cerr << "  " << percent << " %\n";
  };
}

void need_db(const BackupOptions& options) {
  if (options.db.empty()) throw UsageError("ange databasen med --db eller UPPSIKT_DB");
}

}  // namespace

int backup_command(const BackupOptions& options) {
  need_db(options);
  store::backup(options.db, options.file, progress_printer("Säkerhetskopierar databasen"));
  std::cout << "Säkerhetskopian av " << mask_secrets_in_url(options.db) << " är skriven till " << options.file << ".\n";
  return 0;
}

int restore_command(const BackupOptions& options) {
  need_db(options);
  try {
    store::restore(options.db, options.file, options.force,
                   progress_printer("Återställer databasen"));
  } catch (const store::NotEmptyError& e) {
    throw UsageError(std::string(e.what()) + "; ange --force för att ersätta den");
  }
  std::cout << "Databasen " << options.db << " är återställd från " << options.file << ".\n";
  return 0;
}

}  // namespace uppsikt::cli
