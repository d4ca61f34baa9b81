#pragma once
// The thread in `uppsikt serve` that delivers the outbox's mail (service/outbox.h): every
// poll it sends what is due, and sooner again while there is more; every reminder_every it
// queues the rounds' scheduled reminders that are due (service/reminders.h) and the
// coordinators' digests (service/digests.h).
#include <chrono>

#include "service/clock.h"
#include "service/outbox.h"
#include "service/outbox_sender.h"
#include "service/smtp.h"
#include "store/store.h"

namespace uppsikt::service {

struct MailSenderOptions {
  SmtpSettings smtp;
  RetryPolicy retry{};
  std::chrono::milliseconds poll{2000};  // how often the outbox is read when nothing is due
  std::chrono::milliseconds reminder_every{60'000};  // how often the schedules and digests are read
  Clock clock = system_now;
};

class MailSender {
 public:
  // Starts the thread. `store` must outlive the sender, which stops when destroyed.
  MailSender(store::Store& store, MailSenderOptions options);

 private:
  bool pass();

  store::Store& store_;
  const MailSenderOptions options_;
  std::chrono::steady_clock::time_point next_reminders_ = std::chrono::steady_clock::now();
  OutboxSender thread_;  // last: starts once the rest is set up
};

}  // namespace uppsikt::service
