// Server behaviour under unusual clients and a starved process, driven by a blocking
// Boost.Beast client (tests may use Beast; only src/http headers must not).
#include <sys/resource.h>

// Boost 1.74's asio/awaitable.hpp needs <utility> before it under GCC 12 and C++20.
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <vector>

#include "http/server.h"

namespace uppsikt::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

ServerOptions options() {
  ServerOptions o;
  o.port = 0;
  o.threads = 2;
  o.body_limit = 1024;
  o.header_timeout = 1s;
  o.idle_timeout = 1s;
  o.request_timeout = 3s;
  o.shutdown_deadline = 2s;
  return o;
}

Response render_error(int status, const std::string&) { return text_response(status, "fel"); }

class RunningServer {
 public:
  explicit RunningServer(RequestHandler handler)
      : server_(options(), std::move(handler), render_error),
        finished_(std::async(std::launch::async, [this] { server_.run(false); })) {}
  ~RunningServer() {
    server_.stop();
    finished_.wait();
  }
  tcp::endpoint endpoint() const { return {net::ip::make_address("127.0.0.1"), server_.port()}; }

 private:
  Server server_;
  std::future<void> finished_;
};

TEST(ServerRobustness, SendsContinueBeforeReadingAnExpectedBody) {
  RunningServer running([](Request& request) { return text_response(200, "fick " + request.body); });
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(running.endpoint());
  net::write(socket, net::buffer(std::string(
                         "POST /ladda HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")));
  beast::flat_buffer buffer;
  bhttp::response<bhttp::empty_body> interim;
  bhttp::read(socket, buffer, interim);  // the server answers before any body byte is sent
  EXPECT_EQ(interim.result(), bhttp::status::continue_);

  net::write(socket, net::buffer(std::string("abc")));
  bhttp::response<bhttp::string_body> response;
  bhttp::read(socket, buffer, response);
  EXPECT_EQ(response.result_int(), 200u);
  EXPECT_EQ(response.body(), "fick abc");
}

TEST(ServerRobustness, DropsResponseHeadersThatWouldSplitTheResponse) {
  RunningServer running([](Request&) {
    auto response = redirect("/ok");
    response.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: stulen=1");
    return response;
  });
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(running.endpoint());
  bhttp::request<bhttp::empty_body> request{bhttp::verb::get, "/", 11};
  bhttp::write(socket, request);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(socket, buffer, response);
  EXPECT_EQ(response.result_int(), 303u);
  EXPECT_EQ(response[bhttp::field::location], "/ok");
  EXPECT_EQ(response.count("x-evil"), 0u);
  EXPECT_EQ(response.count(bhttp::field::set_cookie), 0u);
}

// With the process out of descriptors, accept fails with EMFILE; the listener must back off
// and keep accepting once descriptors are free again, not stop and not spin.
TEST(ServerRobustness, KeepsAcceptingAfterRunningOutOfDescriptors) {
  RunningServer running([](Request&) { return text_response(200, "ok"); });
  rlimit original{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &original), 0);
  const auto open_now = static_cast<rlim_t>(std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                                                          std::filesystem::directory_iterator{}));
  rlimit tight = original;
  tight.rlim_cur = open_now + 6;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &tight), 0);

  // Connect until the client side runs out too; the server side ran out first.
  net::io_context ioc;
  std::vector<std::unique_ptr<tcp::socket>> clients;
  for (int i = 0; i < 20; ++i) {
    auto socket = std::make_unique<tcp::socket>(ioc);
    beast::error_code ec;
    socket->connect(running.endpoint(), ec);
    if (ec) break;
    clients.push_back(std::move(socket));
  }
  std::this_thread::sleep_for(300ms);  // the listener meets EMFILE and backs off meanwhile
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &original), 0);
  ASSERT_FALSE(clients.empty());

  // Every connection, including those left in the backlog, is served after all.
  for (auto& client : clients) {
    bhttp::request<bhttp::empty_body> request{bhttp::verb::get, "/", 11};
    request.set(bhttp::field::host, "t");
    bhttp::write(*client, request);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    beast::error_code ec;
    bhttp::read(*client, buffer, response, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(response.body(), "ok");
  }
}

}  // namespace
}  // namespace uppsikt::http
