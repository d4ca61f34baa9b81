#pragma once
// Internal to http/: accepts connections and hands each to a session.
#include <cstdint>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace uppsikt::http {

class ServerState;

class Listener {
 public:
  // Opens, binds and listens at once, so that port() is known before run(); throws
  // std::runtime_error naming the address when that fails.
  Listener(boost::asio::io_context& ioc, std::shared_ptr<ServerState> state);
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  std::uint16_t port() const;
  void start();  // begins accepting; any thread
  void stop();   // closes the acceptor on its strand; any thread
  // Closes the acceptor directly; only when no thread runs the io_context any more.
  void close_now();

 private:
  class Acceptor;
  std::shared_ptr<Acceptor> acceptor_;  // shared with its pending handlers
};

}  // namespace uppsikt::http
