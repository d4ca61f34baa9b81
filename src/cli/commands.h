#pragma once
// The `uppsikt` command line: init, demo, serve, import. Returns the process exit code:
// 0 on success, 1 when the work found problems (import --strict), 2 on wrong arguments or
// unreadable input, with a one-line message on stderr.
namespace uppsikt::cli {
int run(int argc, char** argv);
}
