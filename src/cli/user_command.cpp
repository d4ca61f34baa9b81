// uppsikt user add | grant | reset: people, their roles on units, and new passwords. Without
// --password-stdin, add and reset print a one-time link (24 hours) where the person sets the
// password themselves.
#include <iostream>

#include "cli/open_store.h"
#include "cli/password_input.h"
#include "cli/subcommands.h"
#include "core/role.h"
#include "service/accounts.h"
#include "service/one_time_links.h"

namespace uppsikt::cli {
namespace {

void print_link(const UserOptions& options, const service::MadeLink& result) {
  if (!result.ok()) throw UsageError(result.outcome.message());
  std::cout << "Engångslänk för att välja lösenord (gäller i 24 timmar, visas bara nu):\n  " << options.url
            << service::link_path(result.token) << "\n";
}

Role role_of(const UserOptions& options) {
  auto role = role_from_code(options.role);
  if (!role) throw UsageError("okänd roll: " + options.role);
  return *role;
}

int done(const service::Outcome& result) {
  if (!result.ok()) throw UsageError(result.message());
  return 0;
}

}  // namespace

int user_add_command(const UserOptions& options) {
  auto store = open_store(options.db);
  service::NewUser user{.email = options.email, .name = options.name, .role = role_of(options), .unit = options.unit};
  if (options.password_stdin) {
    user.password = read_password_line();
    done(service::add_user(*store, user, service::Actor{}));
    std::cout << options.email << " är tillagd som " << label(user.role) << " för " << options.unit << ".\n";
    return 0;
  }
  auto result = service::invite_user(*store, user, service::Actor{});
  if (!result.ok()) throw UsageError(result.outcome.message());
  std::cout << options.email << " är tillagd som " << label(user.role) << " för " << options.unit << ".\n";
  print_link(options, result);
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
  if (options.password_stdin) {
    done(service::reset_password(*store, options.email, read_password_line(), service::Actor{}));
    std::cout << "Lösenordet för " << options.email << " är bytt och alla inloggningar är avslutade.\n";
    return 0;
  }
  auto result = service::reset_link(*store, options.email, service::Actor{});
  if (!result.ok()) throw UsageError(result.outcome.message());
  std::cout << "Lösenordet för " << options.email << " gäller tills länken används.\n";
  print_link(options, result);
  return 0;
}

}  // namespace uppsikt::cli
