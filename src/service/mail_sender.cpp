#include "service/mail_sender.h"

#include <spdlog/spdlog.h>

#include "service/digests.h"
#include "service/reminders.h"

namespace uppsikt::service {

MailSender::MailSender(store::Store& store, MailSenderOptions options)
    : store_(store), options_(std::move(options)), thread_([this] { run(); }) {}

MailSender::~MailSender() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void MailSender::run() {
  std::unique_lock lock(mutex_);
  auto next_reminders = std::chrono::steady_clock::now();
  while (!stopping_) {
    lock.unlock();
    bool busy = false;
    try {
      if (std::chrono::steady_clock::now() >= next_reminders) {
        next_reminders = std::chrono::steady_clock::now() + options_.reminder_every;
        busy = queue_due_reminders(store_, options_.clock()) > 0;
        busy = queue_due_digests(store_, options_.clock()) > 0 || busy;
      }
      busy = deliver_due_mail(store_, options_.smtp, options_.clock(), options_.retry).any() || busy;
    } catch (const std::exception& e) {  // the database is away: the outbox waits for it
      spdlog::error("utskick: {}", e.what());
    }
    lock.lock();
    if (!busy) wake_.wait_for(lock, options_.poll, [this] { return stopping_; });
  }
}

}  // namespace uppsikt::service
