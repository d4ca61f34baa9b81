#pragma once
// One function per subcommand; each returns the exit code. They are wired to the command
// line in commands.cpp and throw UsageError for input the user must correct (exit 2).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace uppsikt::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string static_dir;  // empty: "static" beside the binary
  int threads = 0;
};

struct ImportOptions {
  std::vector<std::string> files;
  bool dry_run = false;
  std::string format = "json";
  std::string db;
  std::string round;
  std::string unit;
  bool strict = false;
};

int init_command(const std::string& db);
int demo_command(const std::string& db);
int serve_command(const ServeOptions& options);
int import_command(const ImportOptions& options);

}  // namespace uppsikt::cli
