#pragma once
// The HTTP/1.1 server: Boost.Beast underneath, plain Request/Response above. It reads,
// limits and times out requests, calls one handler function, writes, logs one access line
// per request (http/access_log.h) and shuts down gracefully. It knows nothing of Uppsikt's pages.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/client_address.h"
#include "http/message.h"

namespace uppsikt::http {

class RequestMetrics;

struct ServerOptions {
  std::string bind = "127.0.0.1";  // loopback unless told otherwise
  std::uint16_t port = 8080;       // 0 picks a free port; see Server::port()
  int threads = 0;                 // 0: one per core
  std::size_t header_limit = 16 * 1024;        // bytes; more gives 431/400 before the body
  std::size_t body_limit = 20 * 1024 * 1024;   // bytes; more gives 413 before the body is read
  std::chrono::seconds header_timeout{10};     // a client must send its headers within this
  std::chrono::seconds request_timeout{60};    // and the whole request within this
  std::chrono::seconds idle_timeout{30};       // a kept-alive connection with no request closes
  std::chrono::seconds shutdown_deadline{10};  // in-flight requests may finish within this
  // Requests read ahead on one connection. The session now handles requests strictly one at
  // a time (the next is read only after the response is written), which bounds pipelining
  // at 1 whatever this says; pipelined requests wait in the socket, not in memory.
  int max_pipelined = 4;
  // Where requests and connections are counted for /metrics; none: not counted.
  std::shared_ptr<RequestMetrics> metrics;
  // Reverse proxies whose X-Forwarded-For / Forwarded name the client (Request::remote_address).
  TrustedProxies trusted_proxies;
};

// Renders an error page for a status the server produces itself (400, 404, 405, 413, 500).
// `reference` is a short id logged with the cause of a 500; empty otherwise.
using ErrorRenderer = std::function<Response(int status, const std::string& reference)>;
using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  // Binds and listens at once, so that port() is known; throws std::runtime_error with a
  // readable message when the address cannot be bound.
  Server(ServerOptions options, RequestHandler handler, ErrorRenderer errors);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;
  // Serves until stop() or SIGINT/SIGTERM (when `handle_signals`), then drains and returns.
  void run(bool handle_signals = true);
  // Stops accepting and lets in-flight requests finish within the shutdown deadline.
  // Safe from any thread.
  void stop();
  // Runs `task` on one of the server's threads, once they run; a watchdog that pings from
  // there proves that they still take work. Safe from any thread.
  void post(std::function<void()> task);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace uppsikt::http
