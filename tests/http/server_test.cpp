// Talks to a real Server over loopback with plain POSIX sockets, byte for byte, so that the
// tests can send what a browser never would: half a request line, a lying Content-Length.
#include "http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace uppsikt::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
};

class Client {
 public:
  explicit Client(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  void send(std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // One response, its body framed by Content-Length (`head`: none). nullopt on close/timeout.
  std::optional<ClientResponse> read_response(bool head = false, std::chrono::milliseconds wait = 3000ms) {
    const auto deadline = Clock::now() + wait;
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill(deadline)) return std::nullopt;
    }
    ClientResponse response;
    std::smatch status;
    const std::string head_text = buffer_.substr(0, header_end);
    if (!std::regex_search(head_text, status, std::regex(R"(^HTTP/1\.1 (\d{3}))"))) return std::nullopt;
    response.status = std::stoi(status[1]);
    const std::regex field(R"(\r\n([^:\r\n]+):[ \t]*([^\r\n]*))");
    for (std::sregex_iterator it(head_text.begin(), head_text.end(), field), end; it != end; ++it) {
      std::string name = (*it)[1];
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      response.headers[name] = (*it)[2];
    }
    buffer_.erase(0, header_end + 4);
    std::size_t length = 0;
    if (!head && response.headers.count("content-length")) length = std::stoul(response.headers["content-length"]);
    while (buffer_.size() < length) {
      if (!fill(deadline)) return std::nullopt;
    }
    response.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return response;
  }

  // Everything the server sends until it closes (or `wait` passes).
  std::string read_until_closed(std::chrono::milliseconds wait = 3000ms) {
    const auto deadline = Clock::now() + wait;
    while (fill(deadline)) {
    }
    return std::exchange(buffer_, {});
  }

  // True when the server closes (EOF or reset) within `wait`.
  bool closed_within(std::chrono::milliseconds wait) {
    const auto deadline = Clock::now() + wait;
    while (true) {
      const auto before = buffer_.size();
      if (!fill(deadline)) return Clock::now() < deadline;
      if (buffer_.size() == before) return false;
    }
  }

 private:
  // Reads more into buffer_; false on EOF, error or the deadline.
  bool fill(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left <= 0ms) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[4096];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

ServerOptions test_options() {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.header_limit = 1024;
  options.body_limit = 1024;
  options.header_timeout = 1s;
  options.request_timeout = 3s;
  options.idle_timeout = 1s;
  options.shutdown_deadline = 3s;
  return options;
}

Response render_error(int status, const std::string& reference) {
  std::string body = "<h1>Fel " + std::to_string(status) + "</h1>";
  if (!reference.empty()) body += "<p>Referens: " + reference + "</p>";
  return html_response(status, body);
}

// The server under test, run(false) in a thread of its own.
class RunningServer {
 public:
  explicit RunningServer(RequestHandler handler, ServerOptions options = test_options())
      : server_(std::move(options), std::move(handler), render_error),
        finished_(std::async(std::launch::async, [this] { server_.run(false); })) {}
  ~RunningServer() {
    server_.stop();
    finished_.wait();
  }
  Server& server() { return server_; }
  std::uint16_t port() const { return server_.port(); }
  bool finished_within(std::chrono::milliseconds wait) {
    return finished_.wait_for(wait) == std::future_status::ready;
  }

 private:
  Server server_;
  std::future<void> finished_;
};

Response echo(Request& request) {
  std::string body = request.method + " " + request.path;
  for (const auto& [key, value] : request.query) body += " " + key + "=" + value;
  if (auto test = request.header("x-test")) body += " x-test=" + std::string(*test);
  body += " body=" + request.body;
  return text_response(200, body);
}

TEST(Server, ServesTwoRequestsOnOneKeptAliveConnection) {
  RunningServer running(echo);
  Client client(running.port());
  ASSERT_TRUE(client.connected());
  client.send("GET /a%20b?namn=G%C3%B6ran&x=1 HTTP/1.1\r\nHost: t\r\nX-Test: Ja\r\n\r\n");
  auto first = client.read_response();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body, "GET /a b namn=Göran x=1 x-test=Ja body=");
  EXPECT_EQ(first->headers["content-type"], "text/plain; charset=utf-8");

  client.send("POST /spara HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhej=1");
  auto second = client.read_response();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->body, "POST /spara body=hej=1");
}

TEST(Server, AnswersPipelinedRequestsInOrder) {
  RunningServer running(echo);
  Client client(running.port());
  client.send("GET /ett HTTP/1.1\r\nHost: t\r\n\r\nGET /tva HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(client.read_response()->body, "GET /ett body=");
  EXPECT_EQ(client.read_response()->body, "GET /tva body=");
}

TEST(Server, HeadGetsTheHeadersOfGetWithoutBody) {
  RunningServer running(echo);
  Client client(running.port());
  client.send("HEAD /sida HTTP/1.1\r\nHost: t\r\n\r\n");
  auto head = client.read_response(/*head=*/true);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->headers["content-length"], std::to_string(std::string("HEAD /sida body=").size()));
  // No stray body bytes: the next response on the connection starts where it should.
  client.send("GET /nasta HTTP/1.1\r\nHost: t\r\n\r\n");
  auto next = client.read_response();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->body, "GET /nasta body=");
}

TEST(Server, RefusesTooLargeBodyBeforeItArrives) {
  RunningServer running(echo);
  Client client(running.port());
  client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n");
  auto response = client.read_response(false, 1000ms);  // no body is ever sent
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->body, "<h1>Fel 413</h1>");
  EXPECT_EQ(response->headers["connection"], "close");
}

TEST(Server, RefusesOversizedHeaders) {
  RunningServer running(echo);
  Client client(running.port());
  client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n");
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 431);
  EXPECT_EQ(response->body, "<h1>Fel 431</h1>");
}

TEST(Server, MalformedRequestGets400) {
  RunningServer running(echo);
  Client client(running.port());
  client.send("GET / HTTX/1.1\r\n\r\n");
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(response->body, "<h1>Fel 400</h1>");
}

TEST(Server, DisconnectsAClientThatStallsInTheHeader) {
  RunningServer running(echo);
  Client client(running.port());
  const auto start = Clock::now();
  client.send("GET /langs");
  EXPECT_TRUE(client.closed_within(2500ms));
  EXPECT_GE(Clock::now() - start, 900ms);  // header_timeout is 1 s
}

TEST(Server, ClosesAnIdleKeptAliveConnection) {
  RunningServer running(echo);
  Client client(running.port());
  client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(client.read_response().has_value());
  EXPECT_TRUE(client.closed_within(2500ms));  // idle_timeout is 1 s
}

TEST(Server, HandlerExceptionGives500WithReferenceOnly) {
  RunningServer running([](Request&) -> Response { throw std::runtime_error("password=hemligt"); });
  Client client(running.port());
  client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 500);
  EXPECT_TRUE(std::regex_match(response->body, std::regex("<h1>Fel 500</h1><p>Referens: [0-9a-f]{8}</p>")))
      << response->body;
  EXPECT_THAT(response->body, Not(HasSubstr("hemligt")));
}

TEST(Server, StopLetsTheRequestInFlightFinish) {
  std::atomic<bool> started{false};
  RunningServer running([&](Request& request) {
    if (request.path == "/slow") {
      started = true;
      std::this_thread::sleep_for(500ms);
    }
    return text_response(200, "klar");
  });
  const auto port = running.port();
  Client idle(port);  // a kept-alive connection with nothing to do must not delay shutdown
  idle.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(idle.read_response().has_value());

  Client busy(port);
  busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  while (!started) std::this_thread::sleep_for(5ms);
  const auto stop_at = Clock::now();
  std::thread([&running] { running.server().stop(); }).join();

  auto response = busy.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "klar");
  EXPECT_EQ(response->headers["connection"], "close");
  EXPECT_TRUE(idle.closed_within(1000ms));
  ASSERT_TRUE(running.finished_within(2000ms));
  EXPECT_LT(Clock::now() - stop_at, 1500ms);  // well within the 3 s deadline

  Client late(port);
  EXPECT_FALSE(late.connected());
}

TEST(Server, ThrowsWhenThePortIsTaken) {
  RunningServer running(echo);
  auto options = test_options();
  options.port = running.port();
  EXPECT_THROW(Server(options, echo, render_error), std::runtime_error);
}

TEST(Server, ThrowsOnABadBindAddress) {
  auto options = test_options();
  options.bind = "inte-en-adress";
  EXPECT_THROW(Server(options, echo, render_error), std::runtime_error);
}

}  // namespace
}  // namespace uppsikt::http

namespace uppsikt::http {
namespace {

// The body of a chunked message: the chunks' data joined, or nothing when the final chunk
// is missing.
std::optional<std::string> dechunk(std::string_view raw) {
  std::string body;
  while (true) {
    const auto line_end = raw.find("\r\n");
    if (line_end == std::string_view::npos) return std::nullopt;
    const auto size = std::stoul(std::string(raw.substr(0, line_end)), nullptr, 16);
    raw.remove_prefix(line_end + 2);
    if (size == 0) return body;
    if (raw.size() < size + 2) return std::nullopt;
    body += raw.substr(0, size);
    raw.remove_prefix(size + 2);
  }
}

Response counting_stream(int pieces) {
  Response response = text_response(200, "");
  response.stream = [n = 0, pieces](std::string& out) mutable {
    out += "rad " + std::to_string(++n) + "\n";
    return n < pieces;
  };
  return response;
}

TEST(Server, StreamsABodyPieceByPieceAsChunks) {
  RunningServer running([](Request&) { return counting_stream(1000); });
  Client client(running.port());
  client.send("GET /strom HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  const std::string raw = client.read_until_closed();
  const auto header_end = raw.find("\r\n\r\n");
  ASSERT_NE(header_end, std::string::npos);
  EXPECT_THAT(raw.substr(0, header_end), HasSubstr("Transfer-Encoding: chunked"));
  auto body = dechunk(std::string_view(raw).substr(header_end + 4));
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(body->substr(0, 12), "rad 1\nrad 2\n");
  EXPECT_NE(body->find("rad 1000\n"), std::string::npos);
  EXPECT_EQ(body->find("rad 1001"), std::string::npos);
}

TEST(Server, KeepsTheConnectionForTheNextRequestAfterAStream) {
  RunningServer running([](Request& request) {
    return request.path == "/strom" ? counting_stream(3) : text_response(200, "nasta");
  });
  Client client(running.port());
  client.send("GET /strom HTTP/1.1\r\nHost: t\r\n\r\nGET /annat HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  const std::string raw = client.read_until_closed();
  EXPECT_THAT(raw, HasSubstr("rad 3\n\r\n0\r\n\r\n"));
  EXPECT_THAT(raw, HasSubstr("nasta"));
}

TEST(Server, CutsTheConnectionWhenAStreamFails) {
  RunningServer running([](Request&) {
    Response response = text_response(200, "");
    response.stream = [n = 0](std::string& out) mutable -> bool {
      if (++n == 3) throw std::runtime_error("databasen svarade inte");
      out += "rad\n";
      return true;
    };
    return response;
  });
  Client client(running.port());
  client.send("GET /strom HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string raw = client.read_until_closed();
  const auto header_end = raw.find("\r\n\r\n");
  ASSERT_NE(header_end, std::string::npos);
  EXPECT_FALSE(dechunk(std::string_view(raw).substr(header_end + 4)).has_value());  // no final chunk
}

}  // namespace
}  // namespace uppsikt::http
