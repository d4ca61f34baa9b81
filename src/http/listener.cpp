#include "http/listener.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "http/server_state.h"
#include "http/session.h"

namespace uppsikt::http {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
constexpr std::chrono::milliseconds kMinBackoff{100};
constexpr std::chrono::milliseconds kMaxBackoff{1000};
}  // namespace

class Listener::Acceptor : public std::enable_shared_from_this<Listener::Acceptor> {
 public:
  Acceptor(net::io_context& ioc, std::shared_ptr<ServerState> state)
      : ioc_(ioc), state_(std::move(state)), acceptor_(net::make_strand(ioc)),
        backoff_timer_(acceptor_.get_executor()) {
    const auto& options = state_->options();
    auto fail = [&](const beast::error_code& ec) {
      return std::runtime_error(
          fmt::format("cannot listen on {}:{}: {}", options.bind, options.port, ec.message()));
    };
    beast::error_code ec;
    const auto address = net::ip::make_address(options.bind, ec);
    if (ec) throw fail(ec);
    const tcp::endpoint endpoint{address, options.port};
    acceptor_.open(endpoint.protocol(), ec);
    if (ec) throw fail(ec);
    // A restarted server must not wait for the old connections' TIME_WAIT to expire.
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (ec) throw fail(ec);
    acceptor_.bind(endpoint, ec);
    if (ec) throw fail(ec);
    acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) throw fail(ec);
    port_ = acceptor_.local_endpoint().port();
    ipv6_ = endpoint.protocol() == tcp::v6();
  }

  std::uint16_t port() const { return port_; }

  void start() {
    net::dispatch(acceptor_.get_executor(),
                  beast::bind_front_handler(&Acceptor::do_accept, shared_from_this()));
  }

  void stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] { self->close(); });
  }

  void close() {
    beast::error_code ignored;
    acceptor_.close(ignored);
    backoff_timer_.cancel();
  }

 private:
  void do_accept() {
    if (!acceptor_.is_open()) return;
    acceptor_.async_accept(beast::bind_front_handler(&Acceptor::on_accept, shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;  // stopped
    if (ec == net::error::connection_aborted) return do_accept();  // that client gave up
    if (ec) {
      // EMFILE, ENFILE, ENOBUFS, ENOMEM: retrying at once would spin on the same error.
      // Wait for connections to close and memory to free; never give up accepting.
      spdlog::warn("accept failed: {}; retrying in {} ms", ec.message(), backoff_.count());
      backoff_timer_.expires_after(backoff_);
      backoff_timer_.async_wait(beast::bind_front_handler(&Acceptor::on_backoff, shared_from_this()));
      backoff_ = std::min(backoff_ * 2, kMaxBackoff);
      return;
    }
    backoff_ = kMinBackoff;
    beast::error_code release_ec;
    const int fd = socket.release(release_ec);
    if (release_ec) {
      spdlog::warn("accept: cannot hand over connection: {}", release_ec.message());
    } else {
      start_session(ioc_, fd, ipv6_, state_);
    }
    do_accept();
  }

  void on_backoff(beast::error_code ec) {
    if (ec) return;  // cancelled by close()
    do_accept();
  }

  net::io_context& ioc_;
  std::shared_ptr<ServerState> state_;
  tcp::acceptor acceptor_;          // on its own strand: stop() and accepts never overlap
  net::steady_timer backoff_timer_;
  std::chrono::milliseconds backoff_ = kMinBackoff;
  std::uint16_t port_ = 0;
  bool ipv6_ = false;
};

Listener::Listener(net::io_context& ioc, std::shared_ptr<ServerState> state)
    : acceptor_(std::make_shared<Acceptor>(ioc, std::move(state))) {}

Listener::~Listener() = default;

std::uint16_t Listener::port() const { return acceptor_->port(); }
void Listener::start() { acceptor_->start(); }
void Listener::stop() { acceptor_->stop(); }
void Listener::close_now() { acceptor_->close(); }

}  // namespace uppsikt::http
