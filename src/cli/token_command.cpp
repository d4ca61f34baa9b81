// uppsikt token add: a personal API token for a person, acting with their roles. The token is
// printed alone on the last line (for scripts) and never again: only its hash is kept.
#include <iostream>

#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "service/api_tokens.h"

namespace uppsikt::cli {

int token_add_command(const TokenOptions& options) {
  auto store = open_store(options.db);
  const service::NewApiToken wanted{.name = options.name, .can_write = options.write, .days = options.days};
  auto made = service::create_api_token_for(*store, options.email, wanted, service::Actor{});
  if (made.outcome.kind == service::Outcome::Kind::not_found)
    throw UsageError("ingen person har e-postadressen " + options.email);
  if (!made.outcome.ok()) throw UsageError(made.outcome.errors.front().message);
  std::cout << "Nyckel \"" << options.name << "\" (" << (options.write ? "läsa och ändra" : "bara läsa")
            << ", gäller i " << options.days << " dagar, visas bara nu):\n"
            << made.token << "\n";
  return 0;
}

}  // namespace uppsikt::cli
