#pragma once
// A webhook: an address outside Uppsikt that is told of events in a part of the organisation
// (responses handed in, approved, sent back, returned; rounds opened and closed; reports
// published). Registered by an admin on a unit; it hears of events about that unit and the
// units under it. Deliveries go through the outbox (core/outbox.h), channel "webhook".
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"

namespace uppsikt {

inline constexpr std::string_view kWebhookChannel = "webhook";

// The events, as the payload's "type" names them.
inline constexpr std::array<std::string_view, 7> kWebhookEvents = {
    "response.handed_in", "response.approved", "response.sent_back", "response.returned",
    "round.opened",       "round.closed",      "report.published"};

struct Webhook {
  Id id = 0;
  Id unit_id = 0;                   // events about this unit and those under it
  std::string url;                  // http:// or https://
  std::vector<std::string> events;  // of kWebhookEvents
  // The signing key as Standard Webhooks writes it: "whsec_" and 32 random bytes in base64.
  std::string secret;
  std::string created_at;  // ISO timestamp, UTC
  std::optional<Id> created_by;
};

}  // namespace uppsikt
