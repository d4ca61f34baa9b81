// uppsikt serve --db PATH [--port 8080] [--bind 127.0.0.1] …: serves the web pages until
// SIGINT or SIGTERM, then finishes in-flight requests and closes the database. With
// --metrics-bind, /metrics is served on a second listener of its own; under systemd it
// reports readiness and pings the watchdog (cli/systemd_notify.h).
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "api/api.h"
#include "cli/config_file.h"
#include "cli/mail_settings.h"
#include "cli/metrics_page.h"
#include "cli/open_store.h"
#include "cli/sign_in_config.h"
#include "cli/subcommands.h"
#include "cli/systemd_notify.h"
#include "http/access_log.h"
#include "http/request_metrics.h"
#include "http/server.h"
#include "http/static_files.h"
#include "service/external_sign_in.h"
#include "service/accounts.h"
#include "service/mail_sender.h"
#include "service/mail_settings.h"
#include "service/outbox_sender.h"
#include "service/webhook_delivery.h"
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

// "ADDR:PORT" (IPv6 in brackets) as server options; a UsageError otherwise.
http::ServerOptions metrics_listener(const std::string& bind) {
  const auto colon = bind.rfind(':');
  http::ServerOptions options;
  options.threads = 1;
  try {
    if (colon == std::string::npos || colon == 0) throw std::invalid_argument("no port");
    std::size_t used = 0;
    const int port = std::stoi(bind.substr(colon + 1), &used);
    if (used != bind.size() - colon - 1 || port < 0 || port > 65535) throw std::invalid_argument("port");
    options.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    throw UsageError("--metrics-bind ska vara ADRESS:PORT, t.ex. 127.0.0.1:9464, inte " + bind);
  }
  options.bind = bind.substr(0, colon);
  if (options.bind.size() > 2 && options.bind.front() == '[') options.bind = options.bind.substr(1, options.bind.size() - 2);
  return options;
}

std::unique_ptr<http::Server> start_server(http::ServerOptions options, http::RequestHandler handler,
                                           http::ErrorRenderer errors) {
  try {
    return std::make_unique<http::Server>(std::move(options), std::move(handler), std::move(errors));
  } catch (const std::runtime_error& e) {
    throw UsageError(std::string("kan inte starta servern: ") + e.what());
  }
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
  http::use_log_format(options.log_format == "json" ? http::LogFormat::json : http::LogFormat::plain);
  auto store = open_store(options.db);
  auto assets = load_assets(options.static_dir);
  // The providers and rules: in a file of their own, or in [sign_in] of the configuration file.
  auto sign_in = load_sign_in(options.sign_in_config.empty() ? options.config : options.sign_in_config);
  std::unique_ptr<service::ExternalSignIn> external_sign_in;
  if (!sign_in.empty()) external_sign_in = std::make_unique<service::ExternalSignIn>(sign_in);
  auto mail_sender = start_mail(*store, options.mail);
  service::OutboxSender webhook_sender(
      "webhooks",
      [&store, allow = options.webhooks_allow_private] {
        return service::deliver_due_webhooks(*store, service::system_now(), {.allow_private = allow}).any();
      },
      std::chrono::seconds(2));
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
  server_options.metrics = std::make_shared<http::RequestMetrics>();
  auto pages = web::make_handler(site);
  auto handler = api::make_handler(*store, api::ApiOptions{.secure = options.secure_cookies}, std::move(pages));
  auto server = start_server(server_options, std::move(handler), web::make_error_renderer(site));

  // The metrics listener has a thread of its own and no signal handling: it stops after
  // the main server, so that the last scrape still sees the drain.
  std::unique_ptr<http::Server> metrics;
  std::thread metrics_thread;
  if (!options.metrics_bind.empty()) {
    metrics = start_server(metrics_listener(options.metrics_bind),
                           make_metrics_handler(server_options.metrics, *store), {});
    metrics_thread = std::thread([&metrics] { metrics->run(false); });
    spdlog::info("metrics on http://{}/metrics", options.metrics_bind);
  }

  std::string host = options.bind == "0.0.0.0" || options.bind == "127.0.0.1" ? "localhost" : options.bind;
  const std::string where = options.mail.public_url.empty()
                                ? "http://" + host + ":" + std::to_string(server->port()) + "/"
                                : options.mail.public_url;
  std::cout << "Uppsikt lyssnar på " << where << "  (avsluta med Ctrl+C)" << std::endl;
  notify_ready("lyssnar på " + where);
  if (!service::has_admin(*store)) {
    const auto database = options.config.empty() ? "--db " + mask_secrets_in_url(options.db) : "--config " + options.config;
    spdlog::warn("Uppsikt har ingen administratör än. Skapa den första med: uppsikt init {} --admin-email DIN@ADRESS "
                 "--url {} (som användaren uppsikt: sudo -u uppsikt …), öppna länken den skriver ut och logga in på {}",
                 database, where, where);
  }
  {
    Watchdog watchdog(*server);
    server->run();
  }
  notify_stopping();
  mail_sender.reset();  // before the store closes
  if (metrics) {
    metrics->stop();
    metrics_thread.join();
  }
  spdlog::info("servern har stängts");
  return 0;
}

}  // namespace uppsikt::cli
