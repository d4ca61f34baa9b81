// uppsikt serve --db PATH [--port 8080] [--bind 127.0.0.1]: serves the web pages until
// SIGINT or SIGTERM, then finishes in-flight requests and closes the database.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "api/api.h"
#include "cli/mail_settings.h"
#include "cli/open_store.h"
#include "cli/sign_in_config.h"
#include "cli/subcommands.h"
#include "http/server.h"
#include "http/static_files.h"
#include "service/external_sign_in.h"
#include "service/mail_sender.h"
#include "service/mail_settings.h"
#include "web/routes.h"

namespace uppsikt::cli {
namespace {

std::filesystem::path default_static_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path("static") : exe.parent_path() / "static";
}

http::StaticFiles load_assets(const std::string& dir) {
  auto path = dir.empty() ? default_static_dir() : std::filesystem::path(dir);
  try {
    return http::StaticFiles(path);
  } catch (const std::exception& e) {
    throw UsageError("kan inte läsa stilmallarna i " + path.string() + ": " + e.what());
  }
}

// The sign-in settings of the configuration file; none without a file.
service::SignInSettings load_sign_in(const std::string& path) {
  if (path.empty()) return {};
  auto loaded = load_sign_in_settings(path);
  if (auto* error = std::get_if<ConfigError>(&loaded)) throw UsageError(error->message);
  return std::get<service::SignInSettings>(std::move(loaded));
}

// The sender thread when mail is configured, and the settings the services queue mail by.
std::unique_ptr<service::MailSender> start_mail(store::Store& store, const MailOptions& options) {
  auto smtp = smtp_settings(options);
  if (!smtp) return nullptr;
  if (options.public_url.empty())
    throw UsageError("--public-url saknas: breven behöver serverns adress för sina länkar, t.ex. "
                     "--public-url https://uppsikt.example.se");
  service::set_mail_settings(service::MailSettings{.public_url = options.public_url});
  return std::make_unique<service::MailSender>(store, service::MailSenderOptions{.smtp = *smtp});
}

}  // namespace

int serve_command(const ServeOptions& options) {
  auto store = open_store(options.db);
  auto assets = load_assets(options.static_dir);
  auto sign_in = load_sign_in(options.sign_in_config);
  std::unique_ptr<service::ExternalSignIn> external_sign_in;
  if (!sign_in.empty()) external_sign_in = std::make_unique<service::ExternalSignIn>(sign_in);
  auto mail_sender = start_mail(*store, options.mail);
  web::Site site{*store, assets};
  site.external_sign_in = external_sign_in.get();
  site.sessions.password_only_for = sign_in.password_only_for;
  site.secure_cookies = options.secure_cookies;
  site.sessions.idle = std::chrono::minutes(options.idle_minutes);
  site.sessions.absolute = std::chrono::hours(options.max_hours);

  http::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  server_options.threads = options.threads;
  for (const auto& proxy : options.trusted_proxies) {
    try {
      server_options.trusted_proxies.add(proxy);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--trusted-proxy: ") + e.what());
    }
  }
  std::unique_ptr<http::Server> server;
  try {
    auto pages = web::make_handler(site);
    auto handler = api::make_handler(*store, api::ApiOptions{.secure = options.secure_cookies}, std::move(pages));
    server = std::make_unique<http::Server>(server_options, std::move(handler), web::make_error_renderer(site));
  } catch (const std::runtime_error& e) {
    throw UsageError(std::string("kan inte starta servern: ") + e.what());
  }
  std::string host = options.bind == "0.0.0.0" || options.bind == "127.0.0.1" ? "localhost" : options.bind;
  std::cout << "Uppsikt lyssnar på http://" << host << ":" << server->port() << "/  (avsluta med Ctrl+C)"
            << std::endl;
  server->run();
  mail_sender.reset();  // before the store closes
  spdlog::info("servern har stängts");
  return 0;
}

}  // namespace uppsikt::cli
