#pragma once
// Opens the database named on the command line; a failure becomes a UsageError that names it.
#include <memory>
#include <string>

#include "store/store.h"

namespace uppsikt::cli {
std::unique_ptr<store::Store> open_store(const std::string& db);
}
