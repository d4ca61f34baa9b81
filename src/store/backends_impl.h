#pragma once
// The backends that store::open dispatches to.
#include <memory>
#include <string>

#include "store/store.h"

namespace uppsikt::store {

// Opens (creating the file, not its directory) and migrates the SQLite database at `path`.
std::unique_ptr<Store> open_sqlite(const std::string& path);

// Opens and migrates the PostgreSQL database named by a "postgresql://…" URL.
std::unique_ptr<Store> open_postgresql(const std::string& url);

}  // namespace uppsikt::store
