#pragma once
// The demo city served over real HTTP for page tests: the demo data and one demo account per
// role (service/demo_accounts.h) in a SQLite file of its own, the server on a free port, and
// the requests a browser would send. One per test suite:
//
//   class XTest : public ::testing::Test {
//    protected:
//     static void SetUpTestSuite() { demo_ = new testing::DemoServer; }
//     static void TearDownTestSuite() { delete demo_; }
//     static inline testing::DemoServer* demo_;
//   };
//
// `configure` may change the Site before the server starts (session options, a clock).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
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

inline constexpr const char* kFormContentType = "Content-Type: application/x-www-form-urlencoded\r\n";

class DemoServer {
 public:
  explicit DemoServer(const std::function<void(web::Site&)>& configure = {},
                      const std::function<void(http::ServerOptions&)>& configure_server = {}) {
    store_ = store::open(dir_.file("demo.db"));
    service::build_demo(*store_, seed_followup());
    service::add_demo_accounts(*store_);
    std::filesystem::create_directory(dir_.path() / "static");
    for (const auto& name : {"uppsikt.css", "fkui.min.css", "fkui-css-variables.css", "autosave.js"})
      std::ofstream(dir_.path() / "static" / name) << "/* test */";
    assets_ = std::make_unique<http::StaticFiles>(dir_.path() / "static");
    site_ = std::make_unique<web::Site>(web::Site{*store_, *assets_});
    site_->sessions.sleep = [](std::chrono::milliseconds) {};  // throttled tries do not wait
    if (configure) configure(*site_);
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    if (configure_server) configure_server(options);
    server_ = std::make_unique<http::Server>(options, web::make_handler(*site_), web::make_error_renderer(*site_));
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~DemoServer() {
    server_->stop();
    thread_.join();
  }
  DemoServer(const DemoServer&) = delete;
  DemoServer& operator=(const DemoServer&) = delete;

  std::uint16_t port() const { return server_->port(); }
  store::Store& store() { return *store_; }
  web::Site& site() { return *site_; }
  const TempDir& dir() const { return dir_; }

  // `cookie` is "name=value" as sign_in returns it; empty for none.
  Fetched get(const std::string& target, const std::string& cookie = "") const {
    return fetch(port(), "GET", target, "", cookie_header(cookie));
  }
  // A url-encoded form post.
  Fetched post(const std::string& target, const std::string& body, const std::string& cookie = "") const {
    return fetch(port(), "POST", target, body, std::string(kFormContentType) + cookie_header(cookie));
  }
  Fetched request(const std::string& method, const std::string& target, const std::string& cookie = "") const {
    return fetch(port(), method, target, "", cookie_header(cookie));
  }
  // The session cookie of a demo account ("admin@demo.uppsikt.se", "demo-admin").
  std::string sign_in(const std::string& email, const std::string& password) const {
    return testing::sign_in(port(), email, password);
  }

  Id unit_id(const std::string& name) { return store_->begin_read()->unit_by_name(name)->id; }
  Id round_id(const std::string& name) { return store_->begin_read()->round_by_name(name)->id; }

 private:
  static std::string cookie_header(const std::string& cookie) {
    return cookie.empty() ? "" : "Cookie: " + cookie + "\r\n";
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<http::StaticFiles> assets_;
  std::unique_ptr<web::Site> site_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace uppsikt::testing
