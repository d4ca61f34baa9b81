// uppsikt init --db PATH [--admin-email E [--admin-name N] [--password-stdin]]: creates the
// database or brings its schema up to date and, when nobody is admin yet, creates the first
// administrator and prints how to sign in.
#include <iostream>

#include "cli/open_store.h"
#include "cli/password_input.h"
#include "cli/subcommands.h"
#include "service/accounts.h"
#include "service/tokens.h"

namespace uppsikt::cli {

int init_command(const InitOptions& options) {
  auto store = open_store(options.db);
  std::cout << "Databasen " << options.db << " är klar (schemaversion " << store->schema_version() << ").\n";
  if (service::has_admin(*store)) return 0;
  if (options.admin_email.empty()) {
    std::cout << "Det finns ingen administratör. Skapa den första med\n  uppsikt init --db " << options.db
              << " --admin-email E-POST [--password-stdin]\n";
    return 0;
  }
  // Without --password-stdin a random password is made: 32 hex characters, shown once.
  const std::string password =
      options.password_stdin ? read_password_line() : service::random_token().substr(0, 32);
  auto result = service::add_first_admin(
      *store, service::NewUser{.email = options.admin_email, .name = options.admin_name, .password = password},
      service::Actor{});
  if (!result.ok()) throw UsageError(result.error);
  std::cout << "Administratören " << options.admin_email << " är skapad.\n"
            << "Logga in på /logga-in med e-postadressen " << options.admin_email;
  if (options.password_stdin) std::cout << " och lösenordet du angav.\n";
  else std::cout << " och lösenordet " << password << "\n(visas bara nu; byt det med uppsikt user reset).\n";
  return 0;
}

}  // namespace uppsikt::cli
