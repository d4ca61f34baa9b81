#pragma once
// The schema's migrations (schema.cpp), which migrations.cpp applies in version order.
#include <string>
#include <vector>

#include "store/dialect_impl.h"

namespace uppsikt::store {

struct Migration {
  int version;  // each part of the program owns its numbers, so there are gaps
  const char* name;
  std::vector<std::string> (*statements)(const Dialect&);
};

const std::vector<Migration>& schema_migrations();

}  // namespace uppsikt::store
