// The outbox: messages written with their event, claimed and delivered by a sender.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct OutboxRow {
  long long id = 0;
  std::string channel, kind, recipient, recipient_name, subject, text_body, html_body;
  NullableId round_id, unit_id;
  std::string status;
  int attempts = 0;
  std::string created_at, next_attempt_at, sent_at, last_error;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    for (auto* text : {&channel, &kind, &recipient, &recipient_name, &subject, &text_body, &html_body})
      st.exchange(soci::into(*text));
    st.exchange(soci::into(round_id.value, round_id.indicator));
    st.exchange(soci::into(unit_id.value, unit_id.indicator));
    st.exchange(soci::into(status));
    st.exchange(soci::into(attempts));
    for (auto* text : {&created_at, &next_attempt_at, &sent_at, &last_error}) st.exchange(soci::into(*text));
  }
  OutboxMessage value() const {
    return OutboxMessage{.id = static_cast<Id>(id),
                         .channel = channel,
                         .kind = kind,
                         .recipient = recipient,
                         .recipient_name = recipient_name,
                         .subject = subject,
                         .text_body = text_body,
                         .html_body = html_body,
                         .round_id = round_id.get(),
                         .unit_id = unit_id.get(),
                         .status = decode(outbox_status_from_code(status), "outbox status", status),
                         .attempts = attempts,
                         .created_at = created_at,
                         .next_attempt_at = next_attempt_at,
                         .sent_at = sent_at,
                         .last_error = last_error};
  }
};

constexpr const char* kColumns =
    "id, channel, kind, recipient, recipient_name, subject, text_body, html_body, round_id, unit_id, "
    "status, attempts, created_at, next_attempt_at, sent_at, last_error";

}  // namespace

Id SociTx::add_outbox_message(const OutboxMessage& m) {
  return write("add_outbox_message", [&] {
    const std::string status{to_code(m.status)};
    NullableId round_id(m.round_id), unit_id(m.unit_id);
    return insert_returning_id(
        db(),
        "INSERT INTO outbox (channel, kind, recipient, recipient_name, subject, text_body, html_body, round_id, "
        "unit_id, status, attempts, created_at, next_attempt_at) VALUES (:channel, :kind, :recipient, "
        ":recipient_name, :subject, :text_body, :html_body, :round_id, :unit_id, :status, :attempts, "
        ":created_at, :next_attempt_at) RETURNING id",
        soci::use(m.channel), soci::use(m.kind), soci::use(m.recipient), soci::use(m.recipient_name),
        soci::use(m.subject), soci::use(m.text_body), soci::use(m.html_body),
        soci::use(round_id.value, round_id.indicator), soci::use(unit_id.value, unit_id.indicator),
        soci::use(status), soci::use(m.attempts), soci::use(m.created_at), soci::use(m.next_attempt_at));
  });
}

std::vector<OutboxMessage> SociTx::claim_outbox_messages(std::string_view channel, std::string_view now,
                                                         std::string_view claimed_until, int limit) {
  return write("claim_outbox_messages", [&] {
    const std::string wanted{channel}, at{now}, until{claimed_until};
    // One statement picks and claims, so nothing can claim the same rows in between; on
    // PostgreSQL rows another sender is claiming are skipped rather than waited for.
    const std::string query = fmt::format(
        "UPDATE outbox SET claimed_until = :until, attempts = attempts + 1 WHERE id IN ("
        "SELECT id FROM outbox WHERE channel = :channel AND status = 'queued' AND next_attempt_at <= :now "
        "AND claimed_until <= :now2 ORDER BY next_attempt_at, id LIMIT :limit{}) RETURNING {}",
        dialect_.skip_locked, kColumns);
    return select_all<OutboxRow>(db(), query, soci::use(until), soci::use(wanted), soci::use(at), soci::use(at),
                                 soci::use(limit));
  });
}

void SociTx::update_outbox_message(const OutboxMessage& m) {
  write("update_outbox_message", [&] {
    const std::string status{to_code(m.status)};
    run(db(),
        "UPDATE outbox SET status = :status, next_attempt_at = :next_attempt_at, sent_at = :sent_at, "
        "last_error = :last_error, claimed_until = '' WHERE id = :id",
        soci::use(status), soci::use(m.next_attempt_at), soci::use(m.sent_at), soci::use(m.last_error),
        soci::use(m.id));
  });
}

std::optional<OutboxMessage> SociTx::outbox_message(Id id) {
  return read("outbox_message", [&] {
    return select_one<OutboxRow>(db(), fmt::format("SELECT {} FROM outbox WHERE id = :id", kColumns), soci::use(id));
  });
}

std::vector<OutboxMessage> SociTx::outbox_messages(std::optional<OutboxStatus> status, int limit) {
  return read("outbox_messages", [&] {
    if (!status)
      return select_all<OutboxRow>(db(), fmt::format("SELECT {} FROM outbox ORDER BY id DESC LIMIT :limit", kColumns),
                                   soci::use(limit));
    const std::string code{to_code(*status)};
    return select_all<OutboxRow>(
        db(), fmt::format("SELECT {} FROM outbox WHERE status = :status ORDER BY id DESC LIMIT :limit", kColumns),
        soci::use(code), soci::use(limit));
  });
}

std::vector<OutboxCount> SociTx::outbox_counts() {
  struct CountRow {
    std::string channel, status;
    long long messages = 0;
    void bind(soci::statement& st) {
      st.exchange(soci::into(channel));
      st.exchange(soci::into(status));
      st.exchange(soci::into(messages));
    }
    OutboxCount value() const {
      return {channel, decode(outbox_status_from_code(status), "outbox status", status), messages};
    }
  };
  return read("outbox_counts", [&] {
    return select_all<CountRow>(db(), "SELECT channel, status, COUNT(*) FROM outbox GROUP BY channel, status");
  });
}

}  // namespace uppsikt::store
