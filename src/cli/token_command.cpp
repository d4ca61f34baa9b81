// uppsikt token add: an API token, printed alone on the last line (for scripts) and never again:
// only its hash is kept. A personal token acts with the person's roles; with --role and --unit,
// a service token for a system, made by the admin named by --email, acts with that role there.
#include <iostream>

#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "core/role.h"
#include "service/api_tokens.h"

namespace uppsikt::cli {
namespace {

service::MadeToken make(store::Store& store, const TokenOptions& options) {
  if (options.role.empty()) {
    const service::NewApiToken wanted{.name = options.name, .can_write = options.write, .days = options.days};
    return service::create_api_token_for(store, options.email, wanted, service::Actor{});
  }
  const auto role = role_from_code(options.role);
  if (!role) throw UsageError("okänd roll: " + options.role + " (reader, respondent, approver eller coordinator)");
  const service::NewServiceToken wanted{
      .name = options.name, .role = *role, .unit_id = options.unit, .can_write = options.write, .days = options.days};
  return service::create_service_token_for(store, options.email, wanted);
}

}  // namespace

int token_add_command(const TokenOptions& options) {
  auto store = open_store(options.db);
  auto made = make(*store, options);
  if (made.outcome.kind == service::Outcome::Kind::not_found)
    throw UsageError(options.role.empty() ? "ingen person har e-postadressen " + options.email
                                          : options.email + " är inte administratör");
  if (!made.outcome.ok()) throw UsageError(made.outcome.errors.front().message);
  std::cout << "Nyckel \"" << options.name << "\" (" << (options.write ? "läsa och ändra" : "bara läsa")
            << (options.role.empty() ? "" : ", " + std::string(label(*role_from_code(options.role))) + " på enhet " +
                                                std::to_string(options.unit))
            << ", gäller i " << options.days << " dagar, visas bara nu):\n"
            << made.token << "\n";
  return 0;
}

}  // namespace uppsikt::cli
