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
    const std::string script = std::string(UPPSIKT_SOURCE_DIR) + "/tests/support/webhook_receiver.py";
    const std::string port = std::to_string(port_);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::execl("/usr/bin/python3", "python3", script.c_str(), port.c_str(), dir_.path().c_str(), nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_.path() / "ready"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (!std::filesystem::exists(dir_.path() / "ready")) throw std::runtime_error("the webhook receiver did not start");
  }
  ~WebhookReceiver() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  void expect_secret(const std::string& secret) const { std::ofstream(dir_.path() / "secret") << secret; }

  std::vector<nlohmann::json> requests() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<nlohmann::json> out;
    for (const auto& file : files) out.push_back(nlohmann::json::parse(std::ifstream(file)));
    return out;
  }

 private:
  TempDir dir_;
  std::uint16_t port_;
  pid_t pid_ = 0;
};

}  // namespace uppsikt::testing
