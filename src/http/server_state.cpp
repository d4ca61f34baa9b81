#include "http/server_state.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <random>
#include <vector>

namespace uppsikt::http {

std::string make_reference_id() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return fmt::format("{:08x}", static_cast<std::uint32_t>(generator()));
}

std::string request_id_for(const Request& request) {
  if (auto sent = request.header("x-request-id"); sent && !sent->empty() && sent->size() <= 64) {
    const bool safe = std::all_of(sent->begin(), sent->end(), [](unsigned char c) {
      return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
    if (safe) return std::string(*sent);
  }
  return make_reference_id() + make_reference_id();
}

ServerState::ServerState(ServerOptions options, RequestHandler handler, ErrorRenderer errors)
    : options_(std::move(options)), handler_(std::move(handler)), errors_(std::move(errors)) {}

Response ServerState::respond(Request& request) const {
  std::string cause;
  try {
    return handler_(request);
  } catch (const std::exception& e) {
    cause = e.what();
  } catch (...) {
    cause = "unknown exception";
  }
  const auto reference = make_reference_id();
  // The route pattern, not the target: the raw path and query may hold one-time tokens.
  spdlog::error("request failed, ref {}, request {}: {} {}: {}", reference, request.id, request.method,
                request.route.empty() ? "-" : request.route, cause);
  return error_page(500, reference);
}

Response ServerState::error_page(int status, const std::string& reference) const {
  if (errors_) {
    try {
      return errors_(status, reference);
    } catch (const std::exception& e) {
      spdlog::error("error page for {} failed: {}", status, e.what());
    } catch (...) {
      spdlog::error("error page for {} failed", status);
    }
  }
  auto body = reference.empty() ? fmt::format("Error {}\n", status)
                                 : fmt::format("Error {} (ref {})\n", status, reference);
  return text_response(status, std::move(body));
}

std::uint64_t ServerState::add_session(std::weak_ptr<Drainable> session) {
  bool drain_now = false;
  std::uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = ++next_id_;
    sessions_.emplace(id, session);
    drain_now = draining_;
  }
  // A connection accepted while the drain began still must not linger.
  if (drain_now) {
    if (auto live = session.lock()) live->drain();
  }
  return id;
}

void ServerState::remove_session(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
  changed_.notify_all();
}

void ServerState::begin_drain() {
  std::vector<std::shared_ptr<Drainable>> live;
  {
    std::lock_guard lock(mutex_);
    if (draining_) return;
    draining_ = true;
    drain_started_ = std::chrono::steady_clock::now();
    for (auto& [id, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
    changed_.notify_all();
  }
  // Outside the lock: drain() posts to the session, whose destructor takes the lock.
  for (auto& session : live) session->drain();
}

bool ServerState::draining() const {
  std::lock_guard lock(mutex_);
  return draining_;
}

bool ServerState::wait_drained(std::chrono::steady_clock::duration deadline) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return draining_; });
  return changed_.wait_until(lock, drain_started_ + deadline, [&] { return sessions_.empty(); });
}

}  // namespace uppsikt::http
