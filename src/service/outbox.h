#pragma once
// The outbox as the use cases see it: a message is queued in the transaction of the event that
// causes it (an event is never without its mail, a rolled-back event never sends one), and a
// sender in the server delivers what is due, again and again until the receiving server takes
// it. Admins follow the outbox on the page "Utskick" and queue a failed message again.
//
// Delivery: a message is claimed (so that two servers on one PostgreSQL database never both
// send it), sent, and marked sent in its own transaction. A server killed between the
// receiving server's acceptance and that mark sends that one message again after its claim
// runs out; nothing else is sent twice, and nothing claimed is lost.
// Retries: no answer or a 4xx answer waits first_wait, doubling up to longest_wait; a 5xx
// answer, or still no success give_up_after the message was queued, marks it failed.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "core/outbox.h"
#include "service/clock.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "service/smtp.h"
#include "store/store.h"

namespace uppsikt::service {

// Queues `message` in `tx`, created at `now` and due at once; returns its id.
Id queue_message(store::Tx& tx, OutboxMessage message, TimePoint now);

struct RetryPolicy {
  std::chrono::seconds first_wait{30};
  std::chrono::seconds longest_wait{std::chrono::hours(1)};
  std::chrono::hours give_up_after{24};
  // How long a sender holds what it claimed: longer than sending a batch takes.
  std::chrono::minutes claim{15};
  int batch = 10;
};

// The next attempt after `attempts` temporary failures.
TimePoint next_attempt(const RetryPolicy& policy, int attempts, TimePoint now);

// What became of one attempt to deliver a message, whatever its channel.
struct Attempt {
  bool accepted = false;
  bool permanent = false;  // refused for good: not tried again
  std::string answer;      // the receiver's answer, or why it could not be reached
};

struct DeliveryPass {
  int accepted = 0;
  int waiting = 0;  // to be tried again
  int failed = 0;
  bool any() const { return accepted + waiting + failed > 0; }
};
// Sends the mail that is due at `now`, one batch. The sender thread calls it again and again;
// tests call it with the time they choose.
DeliveryPass deliver_due_mail(store::Store& store, const SmtpSettings& smtp, TimePoint now,
                              const RetryPolicy& policy = {});
// Claims up to a batch of `channel`'s due messages (as deliver_due_mail does), then gives each
// to `deliver` and records what became of it in a transaction of its own: sent, tried again
// after a wait, or failed. The claim is what keeps two servers from sending one message twice.
DeliveryPass deliver_due(store::Store& store, std::string_view channel, TimePoint now, const RetryPolicy& policy,
                         const std::function<Attempt(const OutboxMessage&)>& deliver);
// Sends what is due at `now` (deliver_due_mail, pass after pass) until none of `ids` waits to
// be tried or nothing more is due, then returns those messages as they stand: sent, failed, or
// still queued after a temporary refusal (the sender of `serve` tries them again). For the
// command line, which sends what it queued before it exits.
std::vector<OutboxMessage> deliver_now(store::Store& store, const SmtpSettings& smtp, const std::vector<Id>& ids,
                                       TimePoint now, const RetryPolicy& policy = {});

// What the page "Utskick" shows an admin: the messages about units they administer (those
// about no unit only to an admin of every unit), newest first, bodies cleared, and how many of
// them have each status. Nothing for anyone else.
struct OutboxView {
  std::map<OutboxStatus, int> counts;  // of the latest kScanned messages
  std::vector<OutboxMessage> messages;  // at most kListed
};
inline constexpr int kScanned = 5000;
inline constexpr int kListed = 200;
std::optional<OutboxView> outbox_view(store::Store& store, const Viewer& viewer, std::optional<OutboxStatus> status);
// Every message's channel and status counted, for operations' metrics (no viewer: the metrics
// listener is for operations only).
std::vector<OutboxCount> outbox_counts(store::Store& store);
// Queues a failed message the viewer may see again, due at once; audited.
Outcome retry_message(store::Store& store, const Viewer& viewer, Id message_id, const Clock& clock = system_now);

}  // namespace uppsikt::service
