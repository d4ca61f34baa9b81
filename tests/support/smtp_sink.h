#pragma once
// A real SMTP server on loopback for mail tests (tests/support/smtp_sink.py, Debian's
// python3-aiosmtpd): started on a free port, every accepted message parsed by Python's email
// package and read back here as JSON. stop() and start() again on the same port simulate an
// outage.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.h"

namespace uppsikt::testing {

// A port nothing listens on right now.
inline std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// Starts tests/support/SCRIPT (Debian's python3) with PORT and DIR and waits until it writes
// DIR/ready; its pid. Throws naming `what` when it does not start.
inline pid_t start_loopback_script(const std::string& script, std::uint16_t port, const std::filesystem::path& dir,
                                   const std::string& what) {
  std::filesystem::remove(dir / "ready");
  const std::string path = std::string(UPPSIKT_SOURCE_DIR) + "/tests/support/" + script;
  const std::string port_text = std::to_string(port);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/usr/bin/python3", "python3", path.c_str(), port_text.c_str(), dir.c_str(), nullptr);
    ::_exit(127);
  }
  for (int i = 0; i < 200 && !std::filesystem::exists(dir / "ready"); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  if (!std::filesystem::exists(dir / "ready")) throw std::runtime_error(what + " did not start");
  return pid;
}

// The N.json records such a script wrote to `dir`, in the order written.
inline std::vector<nlohmann::json> json_records(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<nlohmann::json> out;
  for (const auto& file : files) out.push_back(nlohmann::json::parse(std::ifstream(file)));
  return out;
}

class SmtpSink {
 public:
  explicit SmtpSink(bool started = true) : port_(free_port()) {
    if (started) start();
  }
  ~SmtpSink() { stop(); }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  void start() { pid_ = start_loopback_script("smtp_sink.py", port_, dir_.path(), "the SMTP sink"); }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Every message accepted so far, in the order accepted.
  std::vector<nlohmann::json> messages() const { return json_records(dir_.path()); }

 private:
  TempDir dir_;
  std::uint16_t port_;
  pid_t pid_ = 0;
};

}  // namespace uppsikt::testing
