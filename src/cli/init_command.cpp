// uppsikt init --db PATH [--admin-email E [--admin-name N] [--password-stdin | --url URL]]:
// creates the database or brings its schema up to date and, when nobody is admin yet, creates
// the first administrator and prints a one-time link to set the password (or takes the
// password from standard input).
#include <iostream>

#include "cli/open_store.h"
#include "cli/password_input.h"
#include "cli/subcommands.h"
#include "service/accounts.h"
#include "service/one_time_links.h"

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
  const service::NewUser admin{.email = options.admin_email, .name = options.admin_name};
  if (options.password_stdin) {
    auto with_password = admin;
    with_password.password = read_password_line();
    auto result = service::add_first_admin(*store, with_password, service::Actor{});
    if (!result.ok()) throw UsageError(result.message());
    std::cout << "Administratören " << options.admin_email << " är skapad.\n"
              << "Logga in på /logga-in med e-postadressen " << options.admin_email << " och lösenordet du angav.\n";
    return 0;
  }
  auto result = service::invite_first_admin(*store, admin, service::Actor{});
  if (!result.ok()) throw UsageError(result.outcome.message());
  std::cout << "Administratören " << options.admin_email << " är skapad. Välj lösenordet och logga in via\n  "
            << options.url << service::link_path(result.token)
            << "\n(engångslänk, gäller i 24 timmar; visas bara nu; en ny fås med uppsikt user reset)\n";
  return 0;
}

}  // namespace uppsikt::cli
