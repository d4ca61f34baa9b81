#pragma once
// The backends that store::open, store::backup and store::restore dispatch to.
#include <memory>
#include <string>

#include "store/backup.h"
#include "store/store.h"

namespace uppsikt::store {

// Opens (creating the file, not its directory) and migrates the SQLite database at `path`.
std::unique_ptr<Store> open_sqlite(const std::string& path);

// Opens and migrates the PostgreSQL database named by a "postgresql://…" URL.
std::unique_ptr<Store> open_postgresql(const std::string& url);

// Whether `url` names a PostgreSQL database ("postgresql://…", "postgres://…").
bool is_postgresql_url(const std::string& url);

// The SQLite file that a non-PostgreSQL `url` names ("sqlite:PATH", "sqlite:///abs", a path).
std::string sqlite_path_of(const std::string& url);

// The backup and restore of each backend, which store/backup.cpp dispatches to.
void backup_sqlite(const std::string& path, const std::string& file, const BackupProgress& progress);
void restore_sqlite(const std::string& path, const std::string& file, bool force,
                    const BackupProgress& progress);
void backup_postgresql(const std::string& url, const std::string& file,
                       const BackupProgress& progress);
void restore_postgresql(const std::string& url, const std::string& file, bool force,
                        const BackupProgress& progress);

}  // namespace uppsikt::store
