#pragma once
// A webhook receiver on loopback for tests (tests/support/webhook_receiver.py): it checks
// each request's signature with the key given by expect_secret(), and the requests are read
// back here as JSON, in the order they came.
#include <fstream>
#include <string>
#include <vector>

#include "support/smtp_sink.h"

namespace uppsikt::testing {

class WebhookReceiver {
 public:
  WebhookReceiver() : port_(free_port()) {
    pid_ = start_loopback_script("webhook_receiver.py", port_, dir_.path(), "the webhook receiver");
  }
  ~WebhookReceiver() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  void expect_secret(const std::string& secret) const { std::ofstream(dir_.path() / "secret") << secret; }

  std::vector<nlohmann::json> requests() const { return json_records(dir_.path()); }

 private:
  TempDir dir_;
  std::uint16_t port_;
  pid_t pid_ = 0;
};

}  // namespace uppsikt::testing
