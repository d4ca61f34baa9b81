#pragma once
// Versioned schema migrations, applied in order at open.
#include <soci/soci.h>

#include "store/dialect_impl.h"

namespace uppsikt::store {

// Applies every migration the database lacks, each in its own transaction together with its
// schema_version row, so a crash leaves the schema at a whole version. Safe to run from two
// processes at once: the write lock is taken before a version is checked.
void migrate(soci::session& sql, const Dialect& dialect);

// The newest applied migration, 0 for an empty database.
int schema_version(soci::session& sql);

// The number of migrations this program knows, i.e. the version after migrate().
int latest_schema_version();

}  // namespace uppsikt::store
