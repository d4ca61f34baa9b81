#include "service/webhooks.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "service/audit.h"
#include "service/mail_settings.h"
#include "service/outbox.h"
#include "service/unit_admin.h"

namespace uppsikt::service {
namespace {

bool known_event(std::string_view event) {
  return std::find(kWebhookEvents.begin(), kWebhookEvents.end(), event) != kWebhookEvents.end();
}

// Why `url` cannot be a webhook's address, or empty. Read by libcurl's URL parser: http or
// https, a host, nothing a request could not carry.
std::string url_problem(const std::string& url) {
  if (url.empty()) return "Skriv adressen som ska ta emot händelserna.";
  if (url.size() > 2000) return "Adressen är för lång.";
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), curl_url_cleanup);
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
    return "Adressen går inte att läsa, t.ex. https://system.example.se/uppsikt.";
  char* scheme = nullptr;
  curl_url_get(parsed.get(), CURLUPART_SCHEME, &scheme, 0);
  const std::string s = scheme ? scheme : "";
  curl_free(scheme);
  if (s != "https" && s != "http") return "Adressen ska börja med https:// (eller http://).";
  return {};
}

std::string new_secret() {
  unsigned char key[32];
  randombytes_buf(key, sizeof key);
  char text[sodium_base64_ENCODED_LEN(sizeof key, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(text, sizeof text, key, sizeof key, sodium_base64_VARIANT_ORIGINAL);
  return std::string("whsec_") + text;
}

// The webhook's unit: the one asked for, when the viewer administers it, or the highest one
// they administer.
std::optional<Id> hook_unit(store::Store& store, const Viewer& viewer, std::optional<Id> wanted) {
  const auto units = administered_units(store, viewer);
  if (units.empty()) return std::nullopt;
  if (!wanted) return units.front().unit.id;
  for (const auto& u : units)
    if (u.unit.id == *wanted) return wanted;
  return std::nullopt;
}

std::string link(std::string_view path) {
  const auto settings = mail_settings();
  return settings ? public_link(*settings, path) : std::string(path);
}

void queue(store::Tx& tx, const UnitTree& tree, std::string_view event, Id about_unit, const Round& round,
           nlohmann::json data, std::optional<Id> unit_id, TimePoint now) {
  std::string payload;
  for (const auto& hook : tx.webhooks()) {
    if (std::find(hook.events.begin(), hook.events.end(), event) == hook.events.end()) continue;
    if (!unit_within(tree, about_unit, hook.unit_id)) continue;
    if (payload.empty())
      payload = nlohmann::json{{"type", event}, {"timestamp", to_iso(now)}, {"data", data}}.dump();
    queue_message(tx,
                  OutboxMessage{.channel = std::string(kWebhookChannel),
                                .kind = std::string(event),
                                .recipient = hook.url,
                                .recipient_name = std::to_string(hook.id),  // which key signs it
                                .subject = std::string(event),
                                .text_body = payload,
                                .round_id = round.id,
                                .unit_id = unit_id},
                  now);
  }
}

}  // namespace

WebhookCreated register_webhook(store::Store& store, const Viewer& viewer, const WebhookInput& input,
                                const Clock& clock) {
  if (!is_admin(viewer)) return {Outcome::not_found(), {}};
  std::vector<FieldError> errors;
  if (auto problem = url_problem(input.url); !problem.empty()) errors.push_back({"adress", problem});
  if (input.events.empty()) errors.push_back({"handelser", "Välj minst en händelse."});
  for (const auto& e : input.events)
    if (!known_event(e)) errors.push_back({"handelser", "Okänd händelse: " + e});
  const auto unit = hook_unit(store, viewer, input.unit_id);
  if (!unit) errors.push_back({"enhet", "Välj en enhet som du administrerar."});
  if (!errors.empty()) return {Outcome::invalid(std::move(errors)), {}};
  Webhook hook{.unit_id = *unit, .url = input.url, .events = input.events, .secret = new_secret(),
               .created_at = to_iso(clock()), .created_by = viewer.user_id};
  auto tx = store.begin();
  hook.id = tx->add_webhook(hook);
  audit(*tx, actor_of(viewer),
        AuditEntry{.unit_id = hook.unit_id, .action = "webhook_add", .entity = "webhook", .entity_id = hook.id,
                   .after_json = nlohmann::json{{"url", hook.url}, {"events", hook.events}}.dump()});
  tx->commit();
  return {Outcome::done(hook.id), hook.secret};
}

std::vector<Webhook> webhooks_of(store::Store& store, const Viewer& viewer) {
  if (!is_admin(viewer)) return {};
  auto tx = store.begin_read();
  const auto units = tx->units();
  const UnitTree tree(units);
  std::vector<Webhook> out;
  for (auto& hook : tx->webhooks()) {
    if (!holds(viewer, tree, Role::admin, hook.unit_id)) continue;
    hook.secret.clear();
    out.push_back(std::move(hook));
  }
  return out;
}

Outcome remove_webhook(store::Store& store, const Viewer& viewer, Id webhook_id) {
  if (!is_admin(viewer)) return Outcome::not_found();
  auto tx = store.begin();
  const auto hook = tx->webhook(webhook_id);
  if (!hook || !holds(viewer, UnitTree(tx->units()), Role::admin, hook->unit_id)) return Outcome::not_found();
  tx->remove_webhook(webhook_id);
  audit(*tx, actor_of(viewer),
        AuditEntry{.unit_id = hook->unit_id, .action = "webhook_remove", .entity = "webhook", .entity_id = hook->id,
                   .before_json = nlohmann::json{{"url", hook->url}, {"events", hook->events}}.dump()});
  tx->commit();
  return Outcome::done(webhook_id);
}

std::string_view event_label(std::string_view event) {
  if (event == "response.handed_in") return "Svar inlämnat";
  if (event == "response.approved") return "Svar godkänt";
  if (event == "response.sent_back") return "Svar skickat tillbaka";
  if (event == "response.returned") return "Svar återsänt";
  if (event == "round.opened") return "Omgång öppnad";
  if (event == "round.closed") return "Omgång stängd";
  if (event == "report.published") return "Sammanställning publicerad";
  return event;
}

void queue_response_webhooks(store::Tx& tx, const UnitTree& tree, const Round& round, const Unit& unit,
                             ResponseEventKind event, TimePoint now) {
  std::string_view type;
  switch (event) {
    case ResponseEventKind::handed_in: type = "response.handed_in"; break;
    case ResponseEventKind::approved: type = "response.approved"; break;
    case ResponseEventKind::sent_back: type = "response.sent_back"; break;
    case ResponseEventKind::returned: type = "response.returned"; break;
    case ResponseEventKind::reopened: return;  // no event of its own
  }
  const auto path = "/omgangar/" + std::to_string(round.id) + "/svar/" + std::to_string(unit.id);
  const auto api = "/api/v1/rounds/" + std::to_string(round.id) + "/responses/" + std::to_string(unit.id);
  queue(tx, tree, type, unit.id, round,
        {{"round_id", round.id}, {"round", round.name}, {"unit_id", unit.id}, {"unit", unit.name},
         {"links", {{"page", link(path)}, {"api", link(api)}}}},
        unit.id, now);
}

void queue_round_webhooks(store::Tx& tx, const Round& round, std::string_view event, TimePoint now) {
  if (!round.unit_id) return;  // a round of no unit is heard of by no one
  const auto units = tx.units();
  const UnitTree tree(units);
  const auto path = event == "report.published" ? "/publicerat/" + std::to_string(round.id)
                                                : "/omgangar/" + std::to_string(round.id);
  queue(tx, tree, event, *round.unit_id, round,
        {{"round_id", round.id}, {"round", round.name},
         {"links", {{"page", link(path)}, {"api", link("/api/v1/rounds/" + std::to_string(round.id))}}}},
        round.unit_id, now);
}

}  // namespace uppsikt::service
