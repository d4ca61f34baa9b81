#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <set>
#include <utility>

#include "cli/config_file.h"
#include "cli/subcommands.h"
#include "service/import_file.h"
#include "uppsikt/version.h"

namespace uppsikt::cli {
namespace {

constexpr const char* kDbHelp = "databasfil (SQLite) eller postgresql://-adress; standard $UPPSIKT_DB";

void add_db_option(CLI::App& cmd, std::string& db) {
  cmd.add_option("--db", db, kDbHelp)->envname("UPPSIKT_DB")->required();
}

// --db, or --config naming the configuration file whose [database] gives it (the Debian
// package's timer and first-admin instructions use the file, so the URL's password stays there).
void add_db_or_config_option(CLI::App& cmd, std::string& db, std::string& config) {
  cmd.add_option("--db", db, kDbHelp)->envname("UPPSIKT_DB");
  cmd.add_option("--config", config, "inställningsfilen, vars [database] anger databasen om --db saknas")
      ->check(CLI::ExistingFile);
}

void take_db_from_config(std::string& db, const std::string& config) {
  if (db.empty() && !config.empty()) {
    ServeOptions serve;
    apply_serve_config(load_config_file(config), serve, {});
    db = serve.db;
  }
  if (db.empty()) throw UsageError("ange databasen med --db, UPPSIKT_DB eller --config");
}

// CLI11 words its errors in English; the user gets Swedish, with the words CLI11 quotes
// from the command line (after its last ": ") kept so that the culprit is named.
std::string swedish(const CLI::ParseError& e) {
  std::string what = e.what();
  auto colon = what.rfind(": ");
  std::string culprit = colon == std::string::npos ? what : what.substr(colon + 2);
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "okänt argument: " + culprit;
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("subcommand") != std::string::npos) return "ange ett kommando: init, demo, serve, config, mail, remind, import, export, user, token, backup eller restore";
    if (auto end = culprit.find(" is required"); end != std::string::npos) culprit.resize(end);
    return "obligatoriskt argument saknas: " + culprit;
  }
  if (what.find("File does not exist") != std::string::npos) return "filen finns inte: " + culprit;
  if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e))
    return "ogiltigt värde: " + what;
  return "felaktiga argument: " + what;
}

// The long names of the options that the command line or the environment set.
std::set<std::string> given_options(const CLI::App& cmd) {
  std::set<std::string> given;
  for (const auto* option : cmd.get_options()) {
    if (option->count() > 0) given.insert(option->get_name());
  }
  return given;
}

void add_mail_options(CLI::App& cmd, MailOptions& mail) {
  cmd.add_option("--smtp-url", mail.smtp_url, "e-postservern, t.ex. smtp://mail.example.se:587 (STARTTLS när den erbjuds)");
  cmd.add_option("--smtp-user", mail.smtp_user, "användarnamn hos e-postservern");
  cmd.add_option("--smtp-password-file", mail.password_file,
                 "fil med lösenordet till e-postservern; annars $UPPSIKT_SMTP_PASSWORD");
  cmd.add_option("--mail-from", mail.from, "avsändare, t.ex. \"Uppsikt <noreply@example.se>\"")->capture_default_str();
  cmd.add_option("--public-url", mail.public_url, "adressen som användarna når servern på, för länkarna i breven, t.ex. https://uppsikt.example.se");
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

  InitOptions init_options;
  std::string init_config;
  auto* init = app.add_subcommand("init", "skapa eller uppgradera en databas och dess första administratör");
  add_db_or_config_option(*init, init_options.db, init_config);
  init->add_option("--admin-email", init_options.admin_email, "den första administratörens e-postadress");
  init->add_option("--admin-name", init_options.admin_name, "den första administratörens namn");
  init->add_flag("--password-stdin", init_options.password_stdin, "läs lösenordet från standard in");
  init->add_option("--url", init_options.url, "serverns adress, för engångslänken")->capture_default_str();

  UserOptions user_options;
  auto* user = app.add_subcommand("user", "lägg till personer, ge behörigheter, byt lösenord");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "lägg till en person med en roll på en enhet");
  auto* user_grant = user->add_subcommand("grant", "ge en person en roll på en enhet");
  auto* user_reset = user->add_subcommand("reset", "skriv ut en engångslänk för nytt lösenord (eller läs det från standard in)");
  for (auto* cmd : {user_add, user_grant, user_reset}) {
    add_db_option(*cmd, user_options.db);
    cmd->add_option("--email", user_options.email, "personens e-postadress")->required();
  }
  user_add->add_option("--name", user_options.name, "personens namn")->required();
  for (auto* cmd : {user_add, user_grant}) {
    cmd->add_option("--role", user_options.role, "admin, coordinator, respondent, approver eller reader")
        ->required()
        ->check(CLI::IsMember({"admin", "coordinator", "respondent", "approver", "reader"}));
    cmd->add_option("--unit", user_options.unit, "enhetens namn; rollen gäller den och enheterna under")->required();
  }
  for (auto* cmd : {user_add, user_reset}) {
    cmd->add_flag("--password-stdin", user_options.password_stdin, "läs lösenordet från standard in");
    cmd->add_option("--url", user_options.url, "serverns adress, för engångslänken")->capture_default_str();
  }

  TokenOptions token_options;
  auto* token = app.add_subcommand("token", "nycklar till API:t");
  token->require_subcommand(1);
  auto* token_add = token->add_subcommand("add", "skapa en nyckel till API:t och skriv ut den: personlig, eller med --role och --unit för ett system");
  add_db_option(*token_add, token_options.db);
  token_add->add_option("--email", token_options.email, "personens e-postadress (för ett system: administratören som skapar den)")->required();
  token_add->add_option("--name", token_options.name, "nyckelns namn, t.ex. vad den används till")->required();
  token_add->add_flag("--write", token_options.write, "nyckeln får ändra (annars bara läsa)");
  token_add->add_option("--days", token_options.days, "antal dagar nyckeln gäller, högst 365, standard 90")
      ->check(CLI::Range(1, 365));
  auto* service_unit = token_add->add_option("--unit", token_options.unit, "för ett system: nyckelns enhet (id)");
  auto* service_role = token_add->add_option(
      "--role", token_options.role, "för ett system: nyckelns roll på enheten (reader, respondent, approver, coordinator)");
  service_role->needs(service_unit);
  service_unit->needs(service_role);

  DemoOptions demo_options;
  auto* demo = app.add_subcommand("demo", "skapa en demodatabas med en påhittad stad eller hela landet");
  add_db_option(*demo, demo_options.db);
  demo->add_option("--scale", demo_options.scale,
                   "city: en stad (standard); national: 290 kommuner, omkring 1,8 miljoner svar")
      ->check(CLI::IsMember({"city", "national"}));
  demo->add_option("--municipalities", demo_options.municipalities, "antal kommuner för --scale national")
      ->check(CLI::Range(1, 290))
      ->group("");  // for tests: a quick national set

  ServeOptions serve_options;
  std::string serve_config;
  auto* serve = app.add_subcommand("serve", "starta webbservern");
  serve->add_option("--config", serve_config,
                    "inställningsfil (TOML), t.ex. /etc/uppsikt/uppsikt.conf; kommandoraden och miljön går före den")
      ->check(CLI::ExistingFile);
  serve->add_option("--db", serve_options.db, kDbHelp)->envname("UPPSIKT_DB");
  serve->add_option("--port", serve_options.port, "port, standard 8080 eller $UPPSIKT_PORT")
      ->envname("UPPSIKT_PORT");
  serve->add_option("--bind", serve_options.bind, "adress att lyssna på, standard 127.0.0.1");
  serve->add_option("--static", serve_options.static_dir, "katalog med stilmallar, standard static/ bredvid programmet");
  serve->add_option("--threads", serve_options.threads, "antal trådar, standard en per kärna");
  serve->add_flag("--secure-cookies", serve_options.secure_cookies,
                  "servern nås via HTTPS: kakor med __Host- och Secure, och HSTS");
  serve->add_option("--session-idle-minutes", serve_options.idle_minutes,
                    "inloggningen upphör efter så här många minuter utan aktivitet, standard 30")
      ->check(CLI::Range(1, 24 * 60));
  serve->add_option("--session-max-hours", serve_options.max_hours,
                    "inloggningen upphör senast så här många timmar efter inloggning, standard 12")
      ->check(CLI::Range(1, 24 * 30));
  serve->add_option("--log-format", serve_options.log_format, "loggrader som plain (standard) eller json")
      ->check(CLI::IsMember({"plain", "json"}));
  serve->add_option("--metrics-bind", serve_options.metrics_bind,
                    "ADRESS:PORT för /metrics (Prometheus), t.ex. 127.0.0.1:9464; standard av");
  serve->add_option("--sign-in-config", serve_options.sign_in_config,
                    "inställningsfil (TOML) med inloggning via organisationens identitetstjänst")
      ->check(CLI::ExistingFile);
  serve->add_option("--trusted-proxy", serve_options.trusted_proxies,
                    "omvänd proxy (ADDR eller ADDR/PREFIX) vars X-Forwarded-For anger klientens adress; "
                    "kan anges flera gånger")
      ->allow_extra_args(false);
  add_mail_options(*serve, serve_options.mail);
  serve->add_flag("--webhooks-allow-private", serve_options.webhooks_allow_private,
                  "webhooks får nå loopback och privata nät (annars bara adresser på internet)");

  ConfigOptions config_options;
  auto* config = app.add_subcommand("config", "inställningsfilen");
  config->require_subcommand(1);
  auto* config_check = config->add_subcommand("check", "kontrollera filen och visa de gällande inställningarna");
  config_check->add_option("--config", config_options.file, "inställningsfilen")->required();

  MailTestOptions mail_test_options;
  auto* mail = app.add_subcommand("mail", "e-post");
  auto* mail_test = mail->add_subcommand("test", "skicka ett provbrev och visa e-postserverns svar");
  mail->require_subcommand(1);
  add_mail_options(*mail_test, mail_test_options.mail);
  mail_test->add_option("--to", mail_test_options.to, "mottagarens e-postadress")->required();

  RemindOptions remind_options;
  auto* remind = app.add_subcommand("remind", "påminn en omgångs enheter som inte har lämnat in, med e-post direkt");
  add_db_option(*remind, remind_options.db);
  remind->add_option("--round", remind_options.round, "omgångens namn, t.ex. \"Uppföljning 2024\"")->required();
  remind->add_option("--unit", remind_options.unit, "bara denna enhet (namnet); annars alla som inte har lämnat in");
  add_mail_options(*remind, remind_options.mail);

  ImportOptions import_options;
  auto* import = app.add_subcommand("import", "läs in gamla uppföljningar (.docx, .pdf, .txt)");
  import->add_option("files", import_options.files, "filer att läsa in")->required()->check(CLI::ExistingFile);
  import->add_flag("--dry-run", import_options.dry_run, "visa vad filen innehåller utan att spara");
  import->add_option("--format", import_options.format, "utdata för --dry-run: json")
      ->check(CLI::IsMember({"json"}));
  import->add_option("--db", import_options.db, kDbHelp)->envname("UPPSIKT_DB");
  import->add_option("--round", import_options.round, "omgångens namn, t.ex. \"Uppföljning 2024\"");
  import->add_option("--unit", import_options.unit, "den svarande enhetens namn");
  import->add_flag("--strict", import_options.strict, "en varning eller ett fel i någon fil: inget sparas, felkod 1");
  import->add_option("--column", import_options.columns,
                     "en kolumns roll, t.ex. \"Status=answer\" (number, question, audience, answer, comment, "
                     "expected, extra)");
  import->add_option("--scale", import_options.scale, "svarsskala för alla svar, t.ex. \"Grön/Gul/Röd\"");

  BackupOptions backup_options;
  std::string backup_config;
  auto* backup = app.add_subcommand("backup", "skriv en säkerhetskopia av databasen till en fil");
  add_db_or_config_option(*backup, backup_options.db, backup_config);
  backup->add_option("--out", backup_options.file, "filen att skriva")->required();
  auto* restore = app.add_subcommand("restore", "återställ databasen från en säkerhetskopia");
  add_db_option(*restore, backup_options.db);
  restore->add_option("--from", backup_options.file, "säkerhetskopian")->required()->check(CLI::ExistingFile);
  restore->add_flag("--force", backup_options.force, "ersätt en databas som redan innehåller data");

  ExportOptions export_options;
  auto* exp = app.add_subcommand("export", "skriv en enhets rapport eller en omgångs sammanställning till fil");
  add_db_option(*exp, export_options.db);
  exp->add_option("--round", export_options.round, "omgångens namn, t.ex. \"Uppföljning 2024\"")->required();
  exp->add_option("--unit", export_options.unit, "enhetens namn; utan den blir det omgångens sammanställning");
  exp->add_option("--format", export_options.format, "html, pdf, docx, xlsx, csv eller json")
      ->required()
      ->check(CLI::IsMember({"html", "pdf", "docx", "xlsx", "csv", "json"}));
  exp->add_option("--out", export_options.out, "filen att skriva")->required();
  exp->add_option("--scope", export_options.scope, "sammanställningen: bara denna enhet och enheterna under den");
  exp->add_option("--kinds", export_options.kinds, "sammanställningen: bara dessa enhetstyper (t.ex. namnd,forvaltning)")
      ->delimiter(',');
  exp->add_option("--document", export_options.document, "sammanställningen: bara detta styrdokument (titeln)");
  exp->add_flag("--without-comments", export_options.without_comments, "utelämna kommentarerna");

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
    if (*init) {
      take_db_from_config(init_options.db, init_config);
      return init_command(init_options);
    }
    if (*user_add) return user_add_command(user_options);
    if (*user_grant) return user_grant_command(user_options);
    if (*user_reset) return user_reset_command(user_options);
    if (*token_add) return token_add_command(token_options);
    if (*demo) return demo_command(demo_options);
    if (*serve) {
      if (!serve_config.empty()) apply_serve_config(load_config_file(serve_config), serve_options, given_options(*serve));
      serve_options.config = serve_config;
      return serve_command(serve_options);
    }
    if (*config_check) return config_check_command(config_options);
    if (*mail_test) return mail_test_command(mail_test_options);
    if (*remind) return remind_command(remind_options);
    if (*import) return import_command(import_options);
    if (*backup) {
      take_db_from_config(backup_options.db, backup_config);
      return backup_command(backup_options);
    }
    if (*restore) return restore_command(backup_options);
    if (*exp) return export_command(export_options);
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
