#pragma once
// Internal to http/: what the listener and every session share. The handler call and the
// error pages live here, apart from the sessions that read and write bytes (Beast's
// example/http/server/async keeps handle_request a plain function the same way).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "http/message.h"
#include "http/server.h"

namespace uppsikt::http {

// A live connection that can be asked to finish its current request and close.
class Drainable {
 public:
  virtual ~Drainable() = default;
  // Any thread. Idle connections close at once; busy ones after their response.
  virtual void drain() = 0;
};

class ServerState {
 public:
  ServerState(ServerOptions options, RequestHandler handler, ErrorRenderer errors);

  const ServerOptions& options() const { return options_; }

  // Calls the handler; an exception becomes a 500 page with a reference id that is logged
  // together with the exception's message, which never reaches the client.
  Response respond(Request& request) const;
  // The renderer's page for `status`, or a plain text one should the renderer throw.
  Response error_page(int status, const std::string& reference = {}) const;

  // Session bookkeeping for graceful shutdown. Any thread; guarded by mutex_.
  std::uint64_t add_session(std::weak_ptr<Drainable> session);
  void remove_session(std::uint64_t id);
  // Marks the server as draining and asks every live session to drain.
  void begin_drain();
  bool draining() const;
  // Blocks until begin_drain() has been called and then until no session is left or
  // `deadline` has passed since the drain began. Returns true when all sessions finished.
  bool wait_drained(std::chrono::steady_clock::duration deadline);

 private:
  const ServerOptions options_;
  const RequestHandler handler_;
  const ErrorRenderer errors_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable changed_;
  std::map<std::uint64_t, std::weak_ptr<Drainable>> sessions_;
  std::uint64_t next_id_ = 0;
  bool draining_ = false;
  std::chrono::steady_clock::time_point drain_started_;
};

// 8 random hex digits, to match a 500 page with its log line.
std::string make_reference_id();
// The request's id for logs: its X-Request-Id when that is 1–64 letters, digits, '-', '_'
// or '.', so that a proxy's id follows the request; otherwise 16 random hex digits.
std::string request_id_for(const Request& request);

}  // namespace uppsikt::http
