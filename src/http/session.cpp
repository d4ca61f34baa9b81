// One connection: read a request, call the handler through ServerState, write the response,
// repeat. Requests are handled strictly one at a time: the next one is read only after the
// previous response is written, so pipelined requests wait in the socket, not in memory.
#include "http/session.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <limits>
#include <memory>
#include <optional>

#include "http/access_log.h"
#include "http/request_metrics.h"
#include "http/server_state.h"

namespace uppsikt::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kReadChunk = 4096;
// After an error response the client may still be sending a body; reading it away for a
// moment before closing keeps the kernel from resetting the connection under the response.
constexpr std::chrono::seconds kLinger{2};

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;
using StreamedResponse = bhttp::response<bhttp::buffer_body>;

// ---- The one place where Beast's messages and ours meet. ----

std::string to_string(beast::string_view s) { return std::string(s.data(), s.size()); }

Request to_request(BeastRequest&& in, const std::string& remote_address) {
  Request out;
  out.method = to_string(in.method_string());
  out.target = to_string(in.target());
  const std::string_view target = out.target;
  const auto question = target.find('?');
  out.path = url_decode(target.substr(0, question), false);
  if (question != std::string_view::npos) out.query = parse_query(target.substr(question + 1));
  for (const auto& field : in) {
    auto name = to_string(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers.emplace_back(std::move(name), to_string(field.value()));
  }
  out.body = std::move(in.body());
  out.remote_address = remote_address;
  return out;
}

template <typename Message>
void copy_header(Response& in, Message& out, unsigned version) {
  out.version(version);
  out.result(static_cast<unsigned>(in.status));
  for (auto& [name, value] : in.headers) {
    // A CR or LF from a handler (say, a Location built from input) would split the header.
    if (name.find_first_of("\r\n:") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) {
      spdlog::error("dropped a response header with a line break in its name or value");
      continue;
    }
    out.insert(name, value);
  }
}

BeastResponse to_beast(Response&& in, unsigned version, bool head_request, bool keep_alive) {
  BeastResponse out;
  copy_header(in, out, version);
  // 1xx, 204 and 304 have no body by definition; Beast would throw on one set by mistake.
  if (in.status / 100 == 1 || in.status == 204 || in.status == 304) in.body.clear();
  out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  // HEAD: keep the Content-Length of the GET, send no body.
  if (head_request) out.body().clear();
  return out;
}

// ---- The session. ----

class Session : public Drainable, public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<ServerState> state)
      : stream_(std::move(socket)), state_(std::move(state)), request_start_(Clock::now()) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "-" : endpoint.address().to_string();
    if (auto& metrics = options().metrics) metrics->connection_opened();
  }

  ~Session() override {
    if (auto& metrics = options().metrics) metrics->connection_closed();
    state_->remove_session(id_);
  }

  void run() {
    id_ = state_->add_session(weak_from_this());
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::do_read, shared_from_this()));
  }

  void drain() override {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      self->close_after_write_ = true;
      if (self->idle_) self->stream_.cancel();  // nothing in flight: close now
    });
  }

 private:
  const ServerOptions& options() const { return state_->options(); }

  void do_read() {
    if (state_->draining()) return do_close();
    parser_.emplace();
    // Limits go on the parser before anything is read, so an oversized Content-Length is
    // refused as soon as the header ends, before a single body byte arrives.
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(options().header_limit, std::numeric_limits<std::uint32_t>::max())));
    parser_->body_limit(options().body_limit);
    if (buffer_.size() == 0) return do_wait_idle();
    request_start_ = received_at_ = Clock::now();  // a pipelined request is already here
    do_read_header();
  }

  // Waits for the first byte of a request. On a fresh connection this counts against the
  // header timeout; between kept-alive requests it is the idle timeout.
  void do_wait_idle() {
    idle_ = true;
    stream_.expires_after(first_request_ ? options().header_timeout : options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::on_wait_idle, shared_from_this()));
  }

  void on_wait_idle(beast::error_code ec, std::size_t bytes) {
    idle_ = false;
    if (ec) return;  // closed, timed out or drained with no request begun: just close
    buffer_.commit(bytes);
    received_at_ = Clock::now();
    if (!first_request_) request_start_ = received_at_;
    do_read_header();
  }

  void do_read_header() {
    stream_.expires_at(request_start_ + options().header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_read_header, shared_from_this()));
  }

  void on_read_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    if (parser_->is_done()) return handle_request();
    const auto& header = parser_->get();
    if (header.version() >= 11 && beast::iequals(header[bhttp::field::expect], "100-continue")) {
      return do_write_continue();
    }
    do_read_body();
  }

  // The limits have passed, so tell a client that waits before sending its body to go on.
  void do_write_continue() {
    continue_ = {bhttp::status::continue_, parser_->get().version()};
    stream_.expires_at(request_start_ + options().request_timeout);
    bhttp::async_write(stream_, continue_, beast::bind_front_handler(&Session::on_write_continue, shared_from_this()));
  }

  void on_write_continue(beast::error_code ec, std::size_t) {
    if (ec) return;
    do_read_body();
  }

  void do_read_body() {
    stream_.expires_at(request_start_ + options().request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read_body, shared_from_this()));
  }

  void on_read_body(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    handle_request();
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return do_error_response(413);
    if (ec == bhttp::error::header_limit) return do_error_response(431);
    const bool parse_error = ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
                             ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
    if (parse_error) return do_error_response(400);
    // Closed, reset or timed out (tcp_stream has closed the socket): nobody to answer.
    spdlog::debug("{}: connection ended while reading: {}", remote_, ec.message());
  }

  void handle_request() {
    auto& message = parser_->get();
    const bool head = message.method() == bhttp::verb::head;
    const unsigned version = message.version();
    const bool client_keeps_alive = message.keep_alive();
    Request request = to_request(parser_->release(), remote_);
    request.remote_address = state_->options().trusted_proxies.client_of(remote_, request);
    request.id = request_id_for(request);
    Response response = state_->respond(request);
    response.set_header("X-Request-Id", request.id);
    log_ = AccessRecord{request.method, request.route.empty() ? "-" : request.route, 0, 0, 0,
                        request.id, response.log_user, request.remote_address};
    // Asked after the handler: a drain that began while it ran says "Connection: close".
    const bool keep_alive = client_keeps_alive && !close_after_write_ && !state_->draining();
    do_write(std::move(response), version, head, keep_alive);
  }

  // A request the parser refused: answer it, then close, since the rest of the stream
  // cannot be trusted to start at a message boundary.
  void do_error_response(int status) {
    const auto& header = parser_->get();
    const auto id = make_reference_id() + make_reference_id();
    log_ = AccessRecord{header.method_string().empty() ? "-" : to_string(header.method_string()), "-", 0, 0, 0,
                        id, "", remote_};
    linger_ = true;
    auto response = state_->error_page(status);
    response.set_header("X-Request-Id", id);
    do_write(std::move(response), 11, false, false);
  }

  void do_write(Response response, unsigned version, bool head, bool keep_alive) {
    first_request_ = false;
    if (!keep_alive) close_after_write_ = true;
    if (response.stream && !head) return do_write_stream(std::move(response), version, keep_alive);
    response.stream = nullptr;  // HEAD: the header alone, as for any other response
    response_ = to_beast(std::move(response), version, head, keep_alive);
    stream_.expires_after(options().request_timeout);  // a client that will not read
    bhttp::async_write(stream_, response_, beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    log_access(response_.result_int(), response_.body().size());
    response_ = {};
    if (ec) return;
    if (close_after_write_ || state_->draining()) return do_close();
    do_read();
  }

  // ---- A streamed body: the header, then one chunk per call of the writer, then the end. ----

  void do_write_stream(Response response, unsigned version, bool keep_alive) {
    writer_ = std::move(response.stream);
    streamed_ = std::make_unique<StreamedResponse>();
    copy_header(response, *streamed_, version);
    streamed_->keep_alive(keep_alive);
    streamed_->chunked(true);
    streamed_->body().data = nullptr;
    streamed_->body().more = true;
    serializer_ = std::make_unique<bhttp::response_serializer<bhttp::buffer_body>>(*streamed_);
    streamed_bytes_ = 0;
    stream_.expires_after(options().request_timeout);
    bhttp::async_write_header(stream_, *serializer_,
                              beast::bind_front_handler(&Session::on_write_stream, shared_from_this()));
  }

  void do_write_chunk() {
    chunk_.clear();
    bool more = false;
    try {
      more = writer_(chunk_);
    } catch (const std::exception& e) {
      spdlog::error("{}: streamed body of \"{} {}\" failed, request {}: {}", remote_, log_.method, log_.route,
                    log_.request_id, e.what());
      return do_cut_stream();
    }
    streamed_bytes_ += chunk_.size();
    streamed_->body().data = chunk_.empty() ? nullptr : chunk_.data();
    streamed_->body().size = chunk_.size();
    streamed_->body().more = more;
    stream_.expires_after(options().request_timeout);  // per chunk: a slow reader still gets all
    bhttp::async_write(stream_, *serializer_, beast::bind_front_handler(&Session::on_write_stream, shared_from_this()));
  }

  void on_write_stream(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::need_buffer) ec = {};  // the chunk went out; the writer makes the next
    if (ec) {
      spdlog::debug("{}: connection ended while streaming: {}", remote_, ec.message());
      return end_stream();
    }
    if (!serializer_->is_done()) return do_write_chunk();
    log_access(streamed_->result_int(), streamed_bytes_);
    end_stream();
    if (close_after_write_ || state_->draining()) return do_close();
    do_read();
  }

  // The writer failed mid-way: no final chunk, so the client cannot take the body for whole.
  void do_cut_stream() {
    log_access(streamed_->result_int(), streamed_bytes_);
    end_stream();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  void end_stream() {
    serializer_.reset();
    streamed_.reset();
    writer_ = nullptr;
    chunk_ = {};
  }

  void log_access(unsigned status, std::size_t bytes) {
    const auto elapsed = std::chrono::duration<double>(Clock::now() - received_at_);
    log_.status = static_cast<int>(status);
    log_.duration_ms = elapsed.count() * 1000;
    log_.bytes = bytes;
    http::log_access(log_);
    if (auto& metrics = options().metrics) metrics->observe(log_.method, log_.route, log_.status, elapsed.count());
  }

  void do_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!linger_) return;  // the socket closes when the last handler lets go of us
    idle_ = true;          // a drain may cut the lingering short
    stream_.expires_after(kLinger);
    do_linger();
  }

  void do_linger() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::on_linger, shared_from_this()));
  }

  void on_linger(beast::error_code ec, std::size_t) {
    if (ec) return;  // the client closed, or kLinger passed
    do_linger();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<ServerState> state_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  BeastResponse response_;  // kept alive until async_write completes
  // A streamed response: the message, its serializer (which refers to it), the writer that
  // makes its body and the chunk being written; all kept until the last chunk is written.
  std::unique_ptr<StreamedResponse> streamed_;
  std::unique_ptr<bhttp::response_serializer<bhttp::buffer_body>> serializer_;
  BodyWriter writer_;
  std::string chunk_;
  std::size_t streamed_bytes_ = 0;
  bhttp::response<bhttp::empty_body> continue_;
  std::string remote_;
  std::uint64_t id_ = 0;
  Clock::time_point request_start_;  // the timeouts of a request count from here
  Clock::time_point received_at_;    // its first byte, for the access log's duration
  bool first_request_ = true;
  bool idle_ = false;               // no request in flight: drain() may close at once
  bool close_after_write_ = false;  // no keep-alive, or the server is draining
  bool linger_ = false;             // read away unread input before closing
  AccessRecord log_;  // the access line of the request being answered
};

}  // namespace

void start_session(net::io_context& ioc, int native_socket, bool ipv6, std::shared_ptr<ServerState> state) {
  // Each connection gets its own strand, so that drain() from another thread is serialized
  // with the connection's own handlers.
  beast::error_code ec;
  tcp::socket socket(net::make_strand(ioc));
  socket.assign(ipv6 ? tcp::v6() : tcp::v4(), native_socket, ec);
  if (ec) {
    spdlog::warn("cannot adopt accepted connection: {}", ec.message());
    ::close(native_socket);
    return;
  }
  std::make_shared<Session>(std::move(socket), std::move(state))->run();
}

}  // namespace uppsikt::http
