#pragma once
// A thread in `uppsikt serve` that delivers from the outbox: it runs one pass (send what is
// due, service/outbox.h) again and again, at once while a pass found work, else after `poll`
// or when stopped. A pass that throws (the database is away) is logged and tried again later.
// The mail sender (service/mail_sender.h) and the webhook sender are each one of these.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace uppsikt::service {

class OutboxSender {
 public:
  // `pass` returns whether it found work. `name` names the sender in the log.
  OutboxSender(std::string name, std::function<bool()> pass, std::chrono::milliseconds poll);
  // Stops the thread after the pass it is in.
  ~OutboxSender();
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

 private:
  void run();

  const std::string name_;
  const std::function<bool()> pass_;
  const std::chrono::milliseconds poll_;
  std::mutex mutex_;  // guards stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is set up
};

}  // namespace uppsikt::service
