#pragma once
// Webhooks as admins manage them and as events cause them. An admin registers an address on a
// unit they administer and chooses its events; its signing key is shown once. An event queues
// one delivery (service/webhook_delivery.h) per webhook that hears of it, in the event's own
// transaction, so an event is never without its deliveries and a rolled-back one sends none.
// The payload carries ids and links, never an answer or comment:
//   {"type": "response.handed_in", "timestamp": "…Z",
//    "data": {"round_id": 1, "round": "Uppföljning 2024", "unit_id": 6, "unit": "…",
//             "links": {"page": "…/omgangar/1/svar/6", "api": "…/api/v1/rounds/1/responses/6"}}}
// Links are absolute when the server knows its public address (service/mail_settings.h).
#include <optional>
#include <string>
#include <vector>

#include "core/response.h"
#include "core/round.h"
#include "core/unit.h"
#include "core/unit_tree.h"
#include "core/webhook.h"
#include "service/clock.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct WebhookInput {
  std::string url;
  std::vector<std::string> events;
  std::optional<Id> unit_id;  // none: the highest unit the admin administers
};

struct WebhookCreated {
  Outcome outcome;     // done with the webhook's id, or refused (fields "adress", "handelser", "enhet")
  std::string secret;  // on success: the signing key, to show once
};

// Registers a webhook on a unit the viewer administers; audited (without the key).
WebhookCreated register_webhook(store::Store& store, const Viewer& viewer, const WebhookInput& input,
                                const Clock& clock = system_now);
// The webhooks on units the viewer administers, keys cleared. Empty for a non-admin.
std::vector<Webhook> webhooks_of(store::Store& store, const Viewer& viewer);
// Removes one of them; audited. Its queued deliveries fail when their turn comes.
Outcome remove_webhook(store::Store& store, const Viewer& viewer, Id webhook_id);

// The Swedish name of an event, for the admin page ("Svar inlämnat").
std::string_view event_label(std::string_view event);

// The events. Each queues, in `tx`, a delivery to every webhook that hears of it.
void queue_response_webhooks(store::Tx& tx, const UnitTree& tree, const Round& round, const Unit& unit,
                             ResponseEventKind event, TimePoint now);
void queue_round_webhooks(store::Tx& tx, const Round& round, std::string_view event, TimePoint now);

}  // namespace uppsikt::service
