#pragma once
// Delivering webhooks from the outbox (channel "webhook", queued by service/webhooks.h): an
// HTTP POST of the payload, signed as the Standard Webhooks specification says
// (webhook-id, webhook-timestamp, webhook-signature "v1,<base64 HMAC-SHA256>"), with libcurl
// and libsodium. A 2xx answer is delivered; 410 Gone gives up; anything else, or no answer
// within the timeout, is tried again later, as mail is (service/outbox.h). Redirects are not
// followed, and addresses on loopback, private and link-local networks are refused at connect
// time (after name lookup, so a name cannot point there) unless allowed.
#include <chrono>
#include <string>
#include <string_view>

#include "service/clock.h"
#include "service/outbox.h"
#include "store/store.h"

namespace uppsikt::service {

struct WebhookDelivery {
  bool allow_private = false;  // tests and closed networks: loopback and private addresses too
  std::chrono::seconds timeout{5};
};

// "v1,<base64>": HMAC-SHA256 of "<id>.<timestamp>.<payload>" with the key in `secret`
// ("whsec_<base64>"). Empty when the secret cannot be read.
std::string webhook_signature(std::string_view secret, std::string_view id, std::string_view timestamp,
                              std::string_view payload);

// Delivers the webhooks due at `now`, one batch; as deliver_due_mail.
DeliveryPass deliver_due_webhooks(store::Store& store, TimePoint now, const WebhookDelivery& options = {},
                                  const RetryPolicy& policy = {});

}  // namespace uppsikt::service
