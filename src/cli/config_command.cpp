// uppsikt config check --config FILE: checks the configuration file and prints the
// configuration that `serve --config FILE` would run with, the environment included,
// with the passwords in database URLs masked.
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/config_file.h"
#include "cli/sign_in_config.h"
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
  const auto file = load_config_file(options.file);
  apply_serve_config(file, serve, given);
  auto sign_in = parse_sign_in(file.table, options.file);
  if (auto* error = std::get_if<ConfigError>(&sign_in)) throw UsageError(error->message);
  const auto& settings = std::get<service::SignInSettings>(sign_in);
  const auto providers = settings.providers.size() + settings.saml_providers.size();
  std::cout << "# " << options.file << " är giltig. Gällande inställningar, lösenord dolda:\n\n"
            << describe_serve_options(serve);
  if (providers > 0) std::cout << "\n# [sign_in]: " << providers << " identitetstjänst(er), se filen\n";
  return 0;
}

}  // namespace uppsikt::cli
