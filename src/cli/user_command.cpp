// uppsikt user add | grant | reset: people, their roles on units, and new passwords. Without
// --password-stdin, add and reset make a random password and print it once.
#include <iostream>

#include "cli/open_store.h"
#include "cli/password_input.h"
#include "cli/subcommands.h"
#include "core/role.h"
#include "service/accounts.h"
#include "service/tokens.h"

namespace uppsikt::cli {
namespace {

std::string password_of(const UserOptions& options) {
  return options.password_stdin ? read_password_line() : service::random_token().substr(0, 32);
}

void print_password(const UserOptions& options, const std::string& password) {
  if (!options.password_stdin)
    std::cout << "Lösenord: " << password << "\n(visas bara nu; personen kan få ett nytt med uppsikt user reset)\n";
}

Role role_of(const UserOptions& options) {
  auto role = role_from_code(options.role);
  if (!role) throw UsageError("okänd roll: " + options.role);
  return *role;
}

int done(const service::AccountResult& result) {
  if (!result.ok()) throw UsageError(result.error);
  return 0;
}

}  // namespace

int user_add_command(const UserOptions& options) {
  auto store = open_store(options.db);
  const std::string password = password_of(options);
  auto result = service::add_user(*store,
                                  service::NewUser{.email = options.email, .name = options.name,
                                                   .password = password, .role = role_of(options),
                                                   .unit = options.unit},
                                  service::Actor{});
  done(result);
  std::cout << options.email << " är tillagd som " << label(role_of(options)) << " för " << options.unit << ".\n";
  print_password(options, password);
  return 0;
}

int user_grant_command(const UserOptions& options) {
  auto store = open_store(options.db);
  done(service::grant_role(*store, options.email, role_of(options), options.unit, service::Actor{}));
  std::cout << options.email << " är nu " << label(role_of(options)) << " för " << options.unit << ".\n";
  return 0;
}

int user_reset_command(const UserOptions& options) {
  auto store = open_store(options.db);
  const std::string password = password_of(options);
  done(service::reset_password(*store, options.email, password, service::Actor{}));
  std::cout << "Lösenordet för " << options.email << " är bytt och alla inloggningar är avslutade.\n";
  print_password(options, password);
  return 0;
}

}  // namespace uppsikt::cli
