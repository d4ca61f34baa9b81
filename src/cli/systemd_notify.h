#pragma once
// Tells systemd how the service is doing (Type=notify): ready once it listens, stopping on
// SIGTERM, and a watchdog ping for as long as the server's threads still take work.
// Does nothing when not started by systemd (no $NOTIFY_SOCKET).
#include <memory>
#include <string>

namespace uppsikt::http {
class Server;
}

namespace uppsikt::cli {

void notify_ready(const std::string& status);
void notify_stopping();

// While alive, pings the watchdog at half the interval systemd asks for (WatchdogSec=), each
// ping sent from a task run on the server's threads; without a watchdog it starts no thread.
class Watchdog {
 public:
  explicit Watchdog(http::Server& server);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace uppsikt::cli
