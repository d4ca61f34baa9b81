// Webhooks: the addresses an admin registered, with their events (space-separated) and key.
#include "store/soci_tx_impl.h"

#include <sstream>

namespace uppsikt::store {
namespace {

struct WebhookRow {
  long long id = 0, unit_id = 0;
  std::string url, events, secret, created_at;
  NullableId created_by;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(unit_id));
    for (auto* text : {&url, &events, &secret, &created_at}) st.exchange(soci::into(*text));
    st.exchange(soci::into(created_by.value, created_by.indicator));
  }
  Webhook value() const {
    Webhook w{.id = static_cast<Id>(id), .unit_id = static_cast<Id>(unit_id), .url = url, .secret = secret,
              .created_at = created_at, .created_by = created_by.get()};
    std::istringstream words(events);
    for (std::string event; words >> event;) w.events.push_back(event);
    return w;
  }
};

constexpr const char* kColumns = "SELECT id, unit_id, url, events, secret, created_at, created_by FROM webhooks ";

}  // namespace

Id SociTx::add_webhook(const Webhook& w) {
  return write("add_webhook", [&] {
    std::string events;
    for (const auto& e : w.events) events += (events.empty() ? "" : " ") + e;
    NullableId created_by(w.created_by);
    return insert_returning_id(
        db(),
        "INSERT INTO webhooks (unit_id, url, events, secret, created_at, created_by) "
        "VALUES (:unit_id, :url, :events, :secret, :created_at, :created_by) RETURNING id",
        soci::use(w.unit_id), soci::use(w.url), soci::use(events), soci::use(w.secret), soci::use(w.created_at),
        soci::use(created_by.value, created_by.indicator));
  });
}

std::vector<Webhook> SociTx::webhooks() {
  return read("webhooks", [&] { return select_all<WebhookRow>(db(), std::string(kColumns) + "ORDER BY id"); });
}

std::optional<Webhook> SociTx::webhook(Id id) {
  return read("webhook", [&] {
    return select_one<WebhookRow>(db(), std::string(kColumns) + "WHERE id = :id", soci::use(id));
  });
}

bool SociTx::remove_webhook(Id id) {
  return write("remove_webhook", [&] {
    return returning_id(db(), "DELETE FROM webhooks WHERE id = :id RETURNING id", soci::use(id)).has_value();
  });
}

}  // namespace uppsikt::store
