// uppsikt demo --db PATH [--scale city|national]: fills a new database with the demo city, or
// with the national data set (progress on stderr), and the demo accounts.
#include <chrono>
#include <iostream>

#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "core/embedded.h"
#include "service/demo.h"
#include "service/demo_accounts.h"
#include "service/demo_national.h"

namespace uppsikt::cli {
namespace {

void build_city(store::Store& store, const std::string& db) {
  auto seed = embedded::find("miljoforvaltningen-2024.txt");
  if (!seed) throw std::logic_error("the demo follow-up is not embedded in the binary");
  auto summary = service::build_demo(store, *seed);
  std::cout << "Demodatabasen " << db << " är skapad: " << summary.units << " enheter, "
            << summary.rounds << " omgångar, " << summary.questions << " frågor per omgång, "
            << summary.responses << " svar.\n";
}

void build_national(store::Store& store, const DemoOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
  };
  // A line per twentieth of the municipalities, so that a log stays short.
  auto progress = [&](int done, int total, long long answers) {
    if (done != total && done % std::max(1, total / 20) != 0) return;
    std::cerr << "  " << done << " av " << total << " kommuner, " << answers << " svar (" << seconds()
              << " s)\n";
  };
  std::cerr << "Skapar den nationella demodatabasen …\n";
  auto summary = service::build_national_demo(
      store, service::NationalOptions{.municipalities = options.municipalities}, progress);
  std::cout << "Demodatabasen " << options.db << " är skapad på " << seconds() << " s: "
            << summary.municipalities << " kommuner, " << summary.units << " enheter, "
            << summary.rounds << " omgångar med " << summary.questions << " frågor, "
            << summary.responses << " enheters svar med " << summary.answers << " svar på frågor.\n";
}

}  // namespace

int demo_command(const DemoOptions& options) {
  auto store = open_store(options.db);
  const bool national = options.scale == "national";
  if (national) build_national(*store, options);
  else build_city(*store, options.db);
  const auto units = national ? service::national_demo_units() : service::city_demo_units();
  service::add_demo_accounts(*store, units);
  std::cout << "Demokonton (logga in på /logga-in):\n";
  for (const auto& a : service::demo_accounts(units))
    std::cout << "  " << a.email << "  lösenord " << a.password << "  (" << label(a.role) << ", " << a.unit << ")\n";
  return 0;
}

}  // namespace uppsikt::cli
