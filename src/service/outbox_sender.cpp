#include "service/outbox_sender.h"

#include <spdlog/spdlog.h>

namespace uppsikt::service {

OutboxSender::OutboxSender(std::string name, std::function<bool()> pass, std::chrono::milliseconds poll)
    : name_(std::move(name)), pass_(std::move(pass)), poll_(poll), thread_([this] { run(); }) {}

OutboxSender::~OutboxSender() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void OutboxSender::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    bool busy = false;
    try {
      busy = pass_();
    } catch (const std::exception& e) {  // the database is away: the outbox waits for it
      spdlog::error("{}: {}", name_, e.what());
    }
    lock.lock();
    if (!busy) wake_.wait_for(lock, poll_, [this] { return stopping_; });
  }
}

}  // namespace uppsikt::service
