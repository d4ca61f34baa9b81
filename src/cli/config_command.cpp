// uppsikt config check --config FILE: checks the configuration file and prints the
// configuration that `serve --config FILE` would run with, the environment included,
// with the passwords in database URLs masked.
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/config_file.h"
#include "cli/subcommands.h"

namespace uppsikt::cli {

int config_check_command(const ConfigOptions& options) {
  ServeOptions serve;
  std::set<std::string> given;
  // The environment goes before the file, as it does for serve.
  if (const char* db = std::getenv("UPPSIKT_DB"); db && *db) {
    serve.db = db;
    given.insert("--db");
  }
  if (const char* port = std::getenv("UPPSIKT_PORT"); port && *port) {
    try {
      serve.port = static_cast<std::uint16_t>(std::stoi(port));
    } catch (const std::exception&) {
      throw UsageError(std::string("UPPSIKT_PORT är inget portnummer: ") + port);
    }
    given.insert("--port");
  }
  apply_serve_config(load_config_file(options.file), serve, given);
  std::cout << "# " << options.file << " är giltig. Gällande inställningar, lösenord dolda:\n\n"
            << describe_serve_options(serve);
  return 0;
}

}  // namespace uppsikt::cli
