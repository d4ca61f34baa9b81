#include "cli/systemd_notify.h"

#include <systemd/sd-daemon.h>

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "http/server.h"

namespace uppsikt::cli {

void notify_ready(const std::string& status) { sd_notify(0, ("READY=1\nSTATUS=" + status).c_str()); }

void notify_stopping() { sd_notify(0, "STOPPING=1\nSTATUS=stänger"); }

struct Watchdog::Impl {
  std::mutex mutex;  // guards stop
  std::condition_variable changed;
  bool stop = false;
  std::thread thread;
};

Watchdog::Watchdog(http::Server& server) : impl_(std::make_unique<Impl>()) {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return;
  const auto interval = std::chrono::microseconds(usec / 2);
  impl_->thread = std::thread([impl = impl_.get(), &server, interval] {
    std::unique_lock lock(impl->mutex);
    while (!impl->changed.wait_for(lock, interval, [impl] { return impl->stop; })) {
      server.post([] { sd_notify(0, "WATCHDOG=1"); });
    }
  });
}

Watchdog::~Watchdog() {
  if (!impl_->thread.joinable()) return;
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stop = true;
  }
  impl_->changed.notify_all();
  impl_->thread.join();
}

}  // namespace uppsikt::cli
