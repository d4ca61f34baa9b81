#pragma once
// The demo city served over real HTTP by the API, as `uppsikt serve` puts it in front of the
// pages (here a stand-in that answers every other path with 404 "sidan"), and tokens for the
// demo people. One per test suite, like testing::DemoServer.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "api/api.h"
#include "http/server.h"
#include "service/api_tokens.h"
#include "service/demo.h"
#include "service/demo_accounts.h"
#include "support/fixture.h"
#include "support/http_get.h"
#include "support/sign_in.h"
#include "support/temp_dir.h"

namespace uppsikt::testing {

class ApiServer {
 public:
  explicit ApiServer(api::ApiOptions options = {}, const std::function<void(store::Store&)>& before = {}) {
    store_ = store::open(dir_.file("demo.db"));
    service::build_demo(*store_, seed_followup());
    service::add_demo_accounts(*store_);
    if (before) before(*store_);
    http::ServerOptions server_options;
    server_options.port = 0;
    server_options.threads = 2;
    auto pages = [](http::Request&) { return http::text_response(404, "sidan"); };
    auto handler = api::make_handler(*store_, std::move(options), pages);
    server_ = std::make_unique<http::Server>(server_options, std::move(handler), nullptr);
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~ApiServer() {
    server_->stop();
    thread_.join();
  }
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  std::uint16_t port() const { return server_->port(); }
  store::Store& store() { return *store_; }

  // A new token for the person with `email`.
  std::string token(const std::string& email, bool can_write = true, int days = 30, const std::string& name = "Test") {
    auto made = service::create_api_token_for(*store_, email, {.name = name, .can_write = can_write, .days = days},
                                              service::Actor{});
    if (!made.outcome.ok()) throw std::runtime_error("no token for " + email);
    return made.token;
  }

  // One request with the token (none when empty) and any further header lines.
  Fetched call(const std::string& method, const std::string& target, const std::string& token,
               const std::string& body = "", const std::string& headers = "") const {
    std::string all = headers;
    if (!token.empty()) all += "Authorization: Bearer " + token + "\r\n";
    if (!body.empty()) all += "Content-Type: application/json\r\n";
    return fetch(port(), method, target, body, all);
  }

  Id unit_id(const std::string& name) { return store_->begin_read()->unit_by_name(name)->id; }
  Id round_id(const std::string& name) { return store_->begin_read()->round_by_name(name)->id; }

 private:
  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace uppsikt::testing
