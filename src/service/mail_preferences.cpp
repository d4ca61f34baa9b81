#include "service/mail_preferences.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "service/audit.h"
#include "service/mail_settings.h"

namespace uppsikt::service {

bool may_get_digest(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(),
                     [](const Grant& g) { return g.role == Role::coordinator || g.role == Role::admin; });
}

MailChoices mail_choices(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  return MailChoices{.digest = tx->digest_frequency(viewer.user_id), .digest_offered = may_get_digest(viewer),
                     .mail_on = mail_settings().has_value(), .email = viewer.email};
}

Outcome set_digest_frequency(store::Store& store, const Viewer& viewer, const std::string& code,
                             const Clock& clock) {
  const auto frequency = digest_frequency_from_code(code);
  if (!frequency) return Outcome::invalid({{"sammanfattning", "Välj hur ofta du vill få sammanfattningen."}});
  if (*frequency != DigestFrequency::off && !may_get_digest(viewer))
    return Outcome::invalid({{"sammanfattning", "Sammanfattningen är till för dem som samordnar omgångar."}});
  auto tx = store.begin();
  const auto before = tx->digest_frequency(viewer.user_id);
  const std::string now = to_iso(clock());
  tx->save_digest_frequency(viewer.user_id, *frequency, now);
  audit(*tx, actor_of(viewer),
        AuditEntry{.at = now, .action = "mail_preferences", .entity = "user", .entity_id = viewer.user_id,
                   .before_json = nlohmann::json{{"digest", to_code(before)}}.dump(),
                   .after_json = nlohmann::json{{"digest", to_code(*frequency)}}.dump()});
  tx->commit();
  return Outcome::done(viewer.user_id);
}

}  // namespace uppsikt::service
