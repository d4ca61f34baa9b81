#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <csignal>
#include <optional>
#include <thread>
#include <vector>

#include "http/listener.h"
#include "http/server_state.h"

namespace uppsikt::http {

namespace net = boost::asio;

namespace {
int thread_count(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}
}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, RequestHandler handler, ErrorRenderer errors)
      : threads(thread_count(options.threads)),
        ioc(threads),
        state(std::make_shared<ServerState>(std::move(options), std::move(handler), std::move(errors))),
        listener(ioc, state) {}

  const int threads;
  net::io_context ioc;  // declared first among the Asio objects: destroyed after them
  std::shared_ptr<ServerState> state;
  Listener listener;
  std::optional<net::signal_set> signals;  // only touched by run() and the io threads
};

Server::Server(ServerOptions options, RequestHandler handler, ErrorRenderer errors)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(errors))) {}

Server::~Server() = default;

std::uint16_t Server::port() const { return impl_->listener.port(); }

void Server::run(bool handle_signals) {
  auto& impl = *impl_;
  if (handle_signals) {
    impl.signals.emplace(impl.ioc, SIGINT, SIGTERM);
    impl.signals->async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;  // cancelled by stop()
      spdlog::info("received signal {}, shutting down", signal);
      stop();
    });
  }
  // Keeps the threads in ioc.run() until we stop it, whatever the listener does meanwhile.
  auto work = net::make_work_guard(impl.ioc);
  impl.listener.start();
  std::vector<std::thread> workers;
  for (int i = 0; i < impl.threads; ++i) workers.emplace_back([&impl] { impl.ioc.run(); });
  const auto& options = impl.state->options();
  spdlog::info("listening on {}:{} with {} threads", options.bind, port(), impl.threads);

  // This thread only waits: for stop(), then for the last session or the deadline.
  if (!impl.state->wait_drained(options.shutdown_deadline)) {
    spdlog::warn("shutdown deadline of {} s passed; closing remaining connections",
                 options.shutdown_deadline.count());
  }
  impl.ioc.stop();
  for (auto& worker : workers) worker.join();
  // Should stop() have come before the io threads ran its posted close, close here.
  impl.listener.close_now();
  impl.signals.reset();
  spdlog::info("server stopped");
}

void Server::post(std::function<void()> task) { net::post(impl_->ioc, std::move(task)); }

void Server::stop() {
  auto& impl = *impl_;
  net::post(impl.ioc, [&impl] {
    impl.listener.stop();
    if (impl.signals) impl.signals->cancel();
  });
  impl.state->begin_drain();
}

}  // namespace uppsikt::http
