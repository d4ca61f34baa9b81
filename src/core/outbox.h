#pragma once
// A message waiting in the outbox: written in the same transaction as the event that causes
// it (an invitation, a hand-in, a reminder), and delivered afterwards by a sender in the
// server. The outbox is the same for every channel: mail now, webhooks later; `channel`
// says which sender takes the row, `recipient` is an address for mail (a URL for a webhook).
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"

namespace uppsikt {

enum class OutboxStatus {
  queued,  // waiting for its first or next attempt (next_attempt_at)
  sent,    // the receiving server accepted it; never sent again
  failed,  // given up: a permanent refusal, or a day of temporary ones
};

inline constexpr std::string_view kMailChannel = "mail";

struct OutboxMessage {
  Id id = 0;
  std::string channel{kMailChannel};
  std::string kind;       // what caused it: "invitation", "reset", "round_opened", "reminder" …
  std::string recipient;  // "anna@example.se"
  std::string recipient_name;
  std::string subject;    // UTF-8, unencoded: the sender encodes headers
  std::string text_body;  // UTF-8 plain text
  std::string html_body;  // UTF-8 HTML alternative; may be empty
  std::optional<Id> round_id;  // what it is about, for the admins' list
  std::optional<Id> unit_id;
  OutboxStatus status = OutboxStatus::queued;
  int attempts = 0;
  std::string created_at;       // ISO timestamps, UTC
  std::string next_attempt_at;  // not before this
  std::string sent_at;          // when accepted, or when given up
  std::string last_error;       // the receiving server's answer, or why it could not be reached
};

// How many messages of a channel have a status, for operations' metrics.
struct OutboxCount {
  std::string channel;
  OutboxStatus status = OutboxStatus::queued;
  long long messages = 0;
};

std::string_view to_code(OutboxStatus status);
std::optional<OutboxStatus> outbox_status_from_code(std::string_view code);
std::string_view label(OutboxStatus status);  // "I kö", "Skickat", "Misslyckat"

}  // namespace uppsikt
