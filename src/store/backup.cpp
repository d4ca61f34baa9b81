// store::backup and store::restore: which backend a URL names.
#include "store/backup.h"

#include "store/backends_impl.h"

namespace uppsikt::store {

void backup(const std::string& url, const std::string& file, const BackupProgress& progress) {
  if (is_postgresql_url(url)) return backup_postgresql(url, file, progress);
  backup_sqlite(sqlite_path_of(url), file, progress);
}

void restore(const std::string& url, const std::string& file, bool force,
             const BackupProgress& progress) {
  if (is_postgresql_url(url)) return restore_postgresql(url, file, force, progress);
  restore_sqlite(sqlite_path_of(url), file, force, progress);
}

}  // namespace uppsikt::store
