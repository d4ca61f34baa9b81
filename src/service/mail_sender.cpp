#include "service/mail_sender.h"

#include "service/digests.h"
#include "service/reminders.h"

namespace uppsikt::service {

MailSender::MailSender(store::Store& store, MailSenderOptions options)
    : store_(store), options_(std::move(options)), thread_("utskick", [this] { return pass(); }, options_.poll) {}

bool MailSender::pass() {
  bool busy = false;
  if (std::chrono::steady_clock::now() >= next_reminders_) {
    next_reminders_ = std::chrono::steady_clock::now() + options_.reminder_every;
    busy = queue_due_reminders(store_, options_.clock()) > 0;
    busy = queue_due_digests(store_, options_.clock()) > 0 || busy;
  }
  return deliver_due_mail(store_, options_.smtp, options_.clock(), options_.retry).any() || busy;
}

}  // namespace uppsikt::service
