#pragma once
// One function per subcommand; each returns the exit code. They are wired to the command
// line in commands.cpp and throw UsageError for input the user must correct (exit 2).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace uppsikt::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where mail goes (serve, mail test). Without --smtp-url no mail is sent.
struct MailOptions {
  std::string smtp_url;       // smtp://host:587 (STARTTLS when offered) or smtps://host:465
  std::string smtp_user;
  std::string password_file;  // the SMTP password's file; else $UPPSIKT_SMTP_PASSWORD
  std::string from = "Uppsikt <noreply@localhost>";
  std::string public_url;     // links in mail start with it; required with --smtp-url for serve
};

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string static_dir;  // empty: "static" beside the binary
  int threads = 0;
  bool secure_cookies = false;  // behind TLS: __Host- cookies, Secure, HSTS
  int idle_minutes = 30;        // a session ends after this long without a request …
  int max_hours = 12;           // … and this long after sign-in, whichever comes first
  std::string log_format = "plain";  // or "json": one object per line, for log collectors
  std::string metrics_bind;     // "ADDR:PORT" of the /metrics listener; empty: none
  std::string config;           // the configuration file these came from, if any (for messages)
  std::string sign_in_config;   // a TOML file with [sign_in]: identity providers and role rules; empty: none
  // Reverse proxies (ADDR or ADDR/PREFIX) whose X-Forwarded-For names the client; none by default.
  std::vector<std::string> trusted_proxies;
  MailOptions mail;  // mail.public_url is also where people reach the server
  bool webhooks_allow_private = false;  // webhooks may reach loopback and private networks
};

// config check: the file, and the serve options it gives (with the environment's).
struct ConfigOptions {
  std::string file;
};

// mail test: one message to one address, the server's answer printed.
struct MailTestOptions {
  MailOptions mail;
  std::string to;
};

// remind: the round's units not handed in (or one of them) reminded by mail at once.
struct RemindOptions {
  std::string db;
  std::string round;
  std::string unit;  // empty: every unit not handed in
  MailOptions mail;  // smtp_url and public_url required
};

// init: the first administrator, when none exists.
struct InitOptions {
  std::string db;
  std::string admin_email;
  std::string admin_name = "Administratör";
  bool password_stdin = false;  // else a one-time link is printed, to set the password
  std::string url = "http://127.0.0.1:8080";  // where the server is reached, for that link
};

// user add | grant | reset.
struct UserOptions {
  std::string db;
  std::string email;
  std::string name;
  std::string role;
  std::string unit;
  bool password_stdin = false;  // add, reset: else a one-time link is printed
  std::string url = "http://127.0.0.1:8080";  // where the server is reached, for that link
};

// token add: a personal API token for a person.
struct TokenOptions {
  std::string db;
  std::string email;
  std::string name;
  bool write = false;  // else read-only
  int days = 90;
  std::string role;    // with unit: a service token made by the admin `email`
  long long unit = 0;
};

struct ImportOptions {
  std::vector<std::string> files;
  bool dry_run = false;
  std::string format = "json";
  std::string db;
  std::string round;
  std::string unit;
  bool strict = false;
  std::vector<std::string> columns;  // "Status=answer": a column's role, as importer::ReadOptions
  std::string scale;                 // an answer scale's name, as importer::ReadOptions
};

// demo: the city (default) or the national data set.
struct DemoOptions {
  std::string db;
  std::string scale = "city";  // or "national"
  int municipalities = 290;    // national only; fewer for quick tests (a hidden option)
};

// backup | restore.
struct BackupOptions {
  std::string db;
  std::string file;    // --out for backup, --from for restore
  bool force = false;  // restore over a database that holds data
};

// export: a unit's report (with unit) or the round's compiled report, in one format.
struct ExportOptions {
  std::string db;
  std::string round;
  std::string unit;        // empty: the compiled report
  std::string format;      // html, pdf, docx, xlsx, csv, json
  std::string out;         // the file to write
  std::string scope;       // compiled report: only this unit and those under it
  std::vector<std::string> kinds;  // compiled report: only these unit kinds ("namnd", "forvaltning" …)
  std::string document;    // compiled report: only this governing document (its title)
  bool without_comments = false;
};

int init_command(const InitOptions& options);
int user_add_command(const UserOptions& options);
int user_grant_command(const UserOptions& options);
int user_reset_command(const UserOptions& options);
int token_add_command(const TokenOptions& options);
int demo_command(const DemoOptions& options);
int serve_command(const ServeOptions& options);
int config_check_command(const ConfigOptions& options);
int mail_test_command(const MailTestOptions& options);
int remind_command(const RemindOptions& options);
int import_command(const ImportOptions& options);
int backup_command(const BackupOptions& options);
int restore_command(const BackupOptions& options);
int export_command(const ExportOptions& options);

}  // namespace uppsikt::cli
