#pragma once
// Runs a helper program (pg_dump, pg_restore) and waits for it, for the PostgreSQL backup.
#include <functional>
#include <string>
#include <vector>

namespace uppsikt::store {

// Runs argv[0] (looked up in PATH) with the arguments, stdin from /dev/null and stdout
// discarded; every line it writes to stderr goes to `on_stderr_line`. Returns its exit code,
// 127 when it could not be started, 128 + N when signal N ended it.
int run_process(const std::vector<std::string>& argv,
                const std::function<void(const std::string&)>& on_stderr_line);

}  // namespace uppsikt::store
