#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <utility>

#include "cli/subcommands.h"
#include "service/import_file.h"
#include "uppsikt/version.h"

namespace uppsikt::cli {
namespace {

constexpr const char* kDbHelp = "databasfil (SQLite) eller postgresql://-adress; standard $UPPSIKT_DB";

void add_db_option(CLI::App& cmd, std::string& db) {
  cmd.add_option("--db", db, kDbHelp)->envname("UPPSIKT_DB")->required();
}

// CLI11 words its errors in English; the user gets Swedish, with the words CLI11 quotes
// from the command line (after its last ": ") kept so that the culprit is named.
std::string swedish(const CLI::ParseError& e) {
  std::string what = e.what();
  auto colon = what.rfind(": ");
  std::string culprit = colon == std::string::npos ? what : what.substr(colon + 2);
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "okänt argument: " + culprit;
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("subcommand") != std::string::npos) return "ange ett kommando: init, demo, serve eller import";
    if (auto end = culprit.find(" is required"); end != std::string::npos) culprit.resize(end);
    return "obligatoriskt argument saknas: " + culprit;
  }
  if (what.find("File does not exist") != std::string::npos) return "filen finns inte: " + culprit;
  if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e))
    return "ogiltigt värde: " + what;
  return "felaktiga argument: " + what;
}

int fail(const std::string& message) {
  std::cerr << "uppsikt: " << message << "\n";
  return 2;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Uppsikt – uppföljning av styrdokument", "uppsikt"};
  app.set_version_flag("--version", std::string("uppsikt ") + kVersion);
  app.require_subcommand(1);
  app.set_help_flag("-h,--help", "visa hjälp");

  std::string db;
  auto* init = app.add_subcommand("init", "skapa eller uppgradera en databas");
  add_db_option(*init, db);

  auto* demo = app.add_subcommand("demo", "skapa en demodatabas med en påhittad stad");
  add_db_option(*demo, db);

  ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "starta webbservern");
  add_db_option(*serve, serve_options.db);
  serve->add_option("--port", serve_options.port, "port, standard 8080 eller $UPPSIKT_PORT")
      ->envname("UPPSIKT_PORT");
  serve->add_option("--bind", serve_options.bind, "adress att lyssna på, standard 127.0.0.1");
  serve->add_option("--static", serve_options.static_dir, "katalog med stilmallar, standard static/ bredvid programmet");
  serve->add_option("--threads", serve_options.threads, "antal trådar, standard en per kärna");

  ImportOptions import_options;
  auto* import = app.add_subcommand("import", "läs in gamla uppföljningar (.docx, .pdf, .txt)");
  import->add_option("files", import_options.files, "filer att läsa in")->required()->check(CLI::ExistingFile);
  import->add_flag("--dry-run", import_options.dry_run, "visa vad filen innehåller utan att spara");
  import->add_option("--format", import_options.format, "utdata för --dry-run: json")
      ->check(CLI::IsMember({"json"}));
  import->add_option("--db", import_options.db, kDbHelp)->envname("UPPSIKT_DB");
  import->add_option("--round", import_options.round, "omgångens namn, t.ex. \"Uppföljning 2024\"");
  import->add_option("--unit", import_options.unit, "den svarande enhetens namn");
  import->add_flag("--strict", import_options.strict, "varningar ger felkod 1");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const std::string first = argc > 1 ? argv[1] : "";
    auto named = [&](const CLI::App* sub) { return sub->get_name() == first; };
    if (!first.empty() && first[0] != '-' && std::as_const(app).get_subcommands(named).empty())
      return fail(std::string("okänt kommando: ") + argv[1] + " (se uppsikt --help)");
    return fail(swedish(e) + " (se uppsikt --help)");
  }

  try {
    if (*init) return init_command(db);
    if (*demo) return demo_command(db);
    if (*serve) return serve_command(serve_options);
    if (*import) return import_command(import_options);
  } catch (const UsageError& e) {
    return fail(e.what());
  } catch (const service::ImportError& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    std::cerr << "uppsikt: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace uppsikt::cli
