#include "service/outbox.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/unit_admin.h"

namespace uppsikt::service {
namespace {

Mail mail_of(const OutboxMessage& m) {
  return Mail{.to = m.recipient, .to_name = m.recipient_name, .subject = m.subject, .text = m.text_body,
              .html = m.html_body};
}

// Records what became of one attempt, in a transaction of its own.
void record(store::Store& store, OutboxMessage message, const Attempt& result, TimePoint now,
            const RetryPolicy& policy, DeliveryPass& pass) {
  message.last_error = result.accepted ? "" : result.answer;
  const auto created = from_iso(message.created_at).value_or(now);
  if (result.accepted) {
    message.status = OutboxStatus::sent;
    message.sent_at = to_iso(now);
    ++pass.accepted;
  } else if (result.permanent || now - created >= policy.give_up_after) {
    message.status = OutboxStatus::failed;
    message.sent_at = to_iso(now);
    ++pass.failed;
    spdlog::warn("utskick {}: misslyckades: {}", message.id, result.answer);
  } else {
    message.next_attempt_at = to_iso(next_attempt(policy, message.attempts, now));
    ++pass.waiting;
    spdlog::info("utskick {}: försöker igen {}: {}", message.id, message.next_attempt_at, result.answer);
  }
  auto tx = store.begin();
  tx->update_outbox_message(message);
  tx->commit();
}

// Which messages an admin sees: those about units they administer; those about no unit only
// when they administer every unit.
class OutboxScope {
 public:
  OutboxScope(store::Tx& tx, const Viewer& viewer) : viewer_(viewer), units_(tx.units()), tree_(units_) {
    everywhere_ = holds_everywhere(viewer_, tree_, units_, Role::admin);
  }
  bool sees(const OutboxMessage& m) const {
    return m.unit_id ? holds(viewer_, tree_, Role::admin, *m.unit_id) : everywhere_;
  }

 private:
  const Viewer& viewer_;
  std::vector<Unit> units_;
  UnitTree tree_;
  bool everywhere_ = false;
};

}  // namespace

Id queue_message(store::Tx& tx, OutboxMessage message, TimePoint now) {
  message.status = OutboxStatus::queued;
  message.created_at = to_iso(now);
  message.next_attempt_at = message.created_at;
  return tx.add_outbox_message(message);
}

TimePoint next_attempt(const RetryPolicy& policy, int attempts, TimePoint now) {
  auto wait = policy.first_wait;
  for (int i = 1; i < attempts && wait < policy.longest_wait; ++i) wait *= 2;
  return now + std::min(wait, policy.longest_wait);
}

DeliveryPass deliver_due(store::Store& store, std::string_view channel, TimePoint now, const RetryPolicy& policy,
                         const std::function<Attempt(const OutboxMessage&)>& deliver) {
  std::vector<OutboxMessage> claimed;
  {
    auto tx = store.begin();
    claimed = tx->claim_outbox_messages(channel, to_iso(now), to_iso(now + policy.claim), policy.batch);
    tx->commit();
  }
  DeliveryPass pass;
  for (auto& message : claimed) record(store, message, deliver(message), now, policy, pass);
  return pass;
}

DeliveryPass deliver_due_mail(store::Store& store, const SmtpSettings& smtp, TimePoint now, const RetryPolicy& policy) {
  return deliver_due(store, kMailChannel, now, policy, [&](const OutboxMessage& message) {
    const auto result = send_mail(smtp, mail_of(message), now);
    return Attempt{.accepted = result.ok(), .permanent = result.kind == SmtpResult::Kind::permanent,
                   .answer = result.answer};
  });
}

std::vector<OutboxMessage> deliver_now(store::Store& store, const SmtpSettings& smtp, const std::vector<Id>& ids,
                                       TimePoint now, const RetryPolicy& policy) {
  auto current = [&] {
    std::vector<OutboxMessage> out;
    auto tx = store.begin_read();
    for (Id id : ids)
      if (auto m = tx->outbox_message(id)) out.push_back(std::move(*m));
    return out;
  };
  auto waiting = [&](const std::vector<OutboxMessage>& messages) {
    return std::any_of(messages.begin(), messages.end(), [&](const OutboxMessage& m) {
      return m.status == OutboxStatus::queued && m.next_attempt_at <= to_iso(now);
    });
  };
  auto messages = current();
  while (waiting(messages) && deliver_due_mail(store, smtp, now, policy).any()) messages = current();
  return messages;
}

std::optional<OutboxView> outbox_view(store::Store& store, const Viewer& viewer, std::optional<OutboxStatus> status) {
  if (!is_admin(viewer)) return std::nullopt;
  auto tx = store.begin_read();
  const OutboxScope scope(*tx, viewer);
  OutboxView view;
  for (auto& m : tx->outbox_messages(std::nullopt, kScanned)) {
    if (!scope.sees(m)) continue;
    ++view.counts[m.status];
    if ((status && m.status != *status) || view.messages.size() >= kListed) continue;
    m.text_body.clear();
    m.html_body.clear();
    view.messages.push_back(std::move(m));
  }
  return view;
}

std::vector<OutboxCount> outbox_counts(store::Store& store) {
  auto tx = store.begin_read();
  return tx->outbox_counts();
}

Outcome retry_message(store::Store& store, const Viewer& viewer, Id message_id, const Clock& clock) {
  if (!is_admin(viewer)) return Outcome::not_found();
  auto tx = store.begin();
  auto message = tx->outbox_message(message_id);
  if (!message || !OutboxScope(*tx, viewer).sees(*message)) return Outcome::not_found();
  if (message->status != OutboxStatus::failed)
    return Outcome::invalid({{"", "Bara ett misslyckat utskick kan skickas igen."}});
  const std::string now = to_iso(clock());
  message->status = OutboxStatus::queued;
  message->next_attempt_at = now;
  message->sent_at.clear();
  tx->update_outbox_message(*message);
  audit(*tx, actor_of(viewer),
        AuditEntry{.at = now, .unit_id = message->unit_id, .action = "outbox_retry", .entity = "outbox",
                   .entity_id = message_id, .before_json = nlohmann::json{{"status", "failed"}}.dump(),
                   .after_json = nlohmann::json{{"status", "queued"}}.dump()});
  tx->commit();
  return Outcome::done(message_id);
}

}  // namespace uppsikt::service
