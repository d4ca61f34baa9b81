// uppsikt demo --db PATH: fills a new database with the demo city.
#include <iostream>

#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "core/embedded.h"
#include "service/demo.h"
#include "service/demo_accounts.h"

namespace uppsikt::cli {

int demo_command(const std::string& db) {
  auto seed = embedded::find("miljoforvaltningen-2024.txt");
  if (!seed) throw std::logic_error("the demo follow-up is not embedded in the binary");
  auto store = open_store(db);
  auto summary = service::build_demo(*store, *seed);
  std::cout << "Demodatabasen " << db << " är skapad: " << summary.units << " enheter, "
            << summary.rounds << " omgångar, " << summary.questions << " frågor per omgång, "
            << summary.responses << " svar.\n";
  service::add_demo_accounts(*store);
  std::cout << "Demokonton (logga in på /logga-in):\n";
  for (const auto& a : service::demo_accounts())
    std::cout << "  " << a.email << "  lösenord " << a.password << "  (" << label(a.role) << ", " << a.unit << ")\n";
  return 0;
}

}  // namespace uppsikt::cli
