#pragma once
// The demo city served over real HTTP for page tests: a SQLite file with the demo data and
// accounts, empty stand-ins for the static assets, the server on a free port, and helpers to
// sign in and send requests as one of the demo accounts.
//
//   static DemoSite* site_;  // in SetUpTestSuite: site_ = new DemoSite; in TearDownTestSuite: delete
//   auto session = site_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
//   auto page = site_->get("/", session);
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "http/server.h"
#include "http/static_files.h"
#include "service/demo.h"
#include "service/demo_accounts.h"
#include "support/fixture.h"
#include "support/http_get.h"
#include "support/sign_in.h"
#include "support/temp_dir.h"
#include "web/routes.h"

namespace uppsikt::testing {

class DemoSite {
 public:
  DemoSite() {
    store_ = store::open(dir_.file("demo.db"));
    service::build_demo(*store_, seed_followup());
    service::add_demo_accounts(*store_);
    std::filesystem::create_directory(dir_.path() / "static");
    for (const auto& name : {"uppsikt.css", "fkui.min.css", "fkui-css-variables.css", "autosave.js"})
      std::ofstream(dir_.path() / "static" / name) << "/* test */";
    assets_ = std::make_unique<http::StaticFiles>(dir_.path() / "static");
    site_ = std::make_unique<web::Site>(web::Site{*store_, *assets_});
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<http::Server>(options, web::make_handler(*site_), web::make_error_renderer(*site_));
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~DemoSite() {
    server_->stop();
    thread_.join();
  }
  DemoSite(const DemoSite&) = delete;
  DemoSite& operator=(const DemoSite&) = delete;

  store::Store& store() { return *store_; }
  // The session cookie ("name=value") of a demo account.
  std::string sign_in(const std::string& email, const std::string& password) {
    return testing::sign_in(server_->port(), email, password);
  }
  Fetched get(const std::string& target, const std::string& cookie, const std::string& headers = "") {
    return fetch(server_->port(), "GET", target, "", "Cookie: " + cookie + "\r\n" + headers);
  }
  // A url-encoded form POST; `body` without the _csrf field, which is added from `csrf`.
  Fetched post(const std::string& target, const std::string& cookie, const std::string& csrf, const std::string& body,
               const std::string& headers = "") {
    return fetch(server_->port(), "POST", target, "_csrf=" + csrf + (body.empty() ? "" : "&" + body),
                 "Cookie: " + cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\n" + headers);
  }

 private:
  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<http::StaticFiles> assets_;
  std::unique_ptr<web::Site> site_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace uppsikt::testing
