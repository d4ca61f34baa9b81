#include "service/digests.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/collate.h"
#include "core/mail_preference.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/mail_preferences.h"
#include "service/mail_settings.h"
#include "service/mail_text.h"
#include "service/outbox.h"

namespace uppsikt::service {
namespace {

bool handed_in(ResponseStatus status) {
  return status == ResponseStatus::submitted || status == ResponseStatus::approved;
}

Day day_of(TimePoint t) { return std::chrono::floor<std::chrono::days>(t); }

Viewer viewer_of(store::Tx& tx, const User& user) {
  return Viewer{.user_id = user.id, .name = user.name, .email = user.email, .grants = tx.grants(user.id)};
}

void sort_names(std::vector<std::string>& names) { std::sort(names.begin(), names.end(), swedish_less); }

// What happened in `round` between `since` and `now`, as the digest names it; nothing when
// nothing did and no unit is late.
std::optional<DigestRound> round_digest(store::Tx& tx, const std::map<Id, std::string>& unit_names,
                                        const Round& round, const std::string& since, TimePoint now) {
  DigestRound digest{.round = round.name, .deadline = round.deadline};
  std::map<Id, Id> unit_of_response;
  const auto deadline = day_from_iso(round.deadline);
  const bool late = round.status == RoundStatus::open && deadline && day_of(now) > *deadline;
  auto name_of = [&](Id unit) {
    auto it = unit_names.find(unit);
    return it == unit_names.end() ? std::string{} : it->second;
  };
  for (const auto& r : tx.responses(round.id)) {
    unit_of_response.emplace(r.id, r.unit_id);
    if (late && !handed_in(r.status)) digest.overdue.push_back(name_of(r.unit_id));
  }
  for (const auto& e : tx.round_events_between(round.id, since, to_iso(now))) {
    const auto unit = unit_of_response.find(e.response_id);
    if (unit == unit_of_response.end()) continue;
    if (e.kind == ResponseEventKind::handed_in) digest.handed_in.push_back(name_of(unit->second));
    if (e.kind == ResponseEventKind::sent_back || e.kind == ResponseEventKind::returned)
      digest.returned.push_back(name_of(unit->second));
  }
  if (digest.handed_in.empty() && digest.returned.empty() && digest.overdue.empty()) return std::nullopt;
  sort_names(digest.handed_in);
  sort_names(digest.returned);
  sort_names(digest.overdue);
  return digest;
}

// The person's digest of the period starting `start`, with its audit row, in one transaction,
// unless it was queued already. Returns the messages queued (0 or 1).
int queue_digest(store::Store& store, const MailSettings& settings, const DigestChoice& choice, Day start,
                 TimePoint now) {
  auto tx = store.begin();
  const auto user = tx->user(choice.user_id);
  if (!user || user->disabled) return 0;
  const Viewer viewer = viewer_of(*tx, *user);
  if (!may_get_digest(viewer)) return 0;  // no longer runs rounds
  // Since the last digest, but not before the period ahead of this one (the digest was off meanwhile).
  const std::string since = std::max(tx->last_digest_at(user->id).value_or(""),
                                     iso_day(previous_period_start(choice.frequency, start)) + "T00:00:00Z");
  if (!tx->add_digest_send(user->id, iso_day(start), to_iso(now))) return 0;
  const auto units = tx->units();
  const UnitTree tree(units);
  std::map<Id, std::string> unit_names;
  for (const auto& u : units) unit_names.emplace(u.id, u.name);
  std::vector<DigestRound> rounds;
  for (const auto& round : tx->rounds()) {
    if (round.status != RoundStatus::open && round.status != RoundStatus::closed) continue;
    std::vector<Id> round_units;
    for (const auto& r : tx->responses(round.id)) round_units.push_back(r.unit_id);
    if (!can_manage_round(viewer, tree, round, round_units)) continue;
    if (auto digest = round_digest(*tx, unit_names, round, since, now)) rounds.push_back(std::move(*digest));
  }
  int queued = 0;
  if (!rounds.empty()) {
    const bool weekly = choice.frequency == DigestFrequency::weekly;
    const auto text = digest_text(user->name, weekly, since.substr(0, 10), rounds, public_link(settings, "/"));
    queue_message(*tx,
                  OutboxMessage{.kind = "digest", .recipient = user->email, .recipient_name = user->name,
                                .subject = text.subject, .text_body = text.text, .html_body = text.html},
                  now);
    queued = 1;
  }
  audit(*tx, Actor{},
        AuditEntry{.at = to_iso(now), .action = "digest_queue", .entity = "user", .entity_id = user->id,
                   .after_json = nlohmann::json{{"period", iso_day(start)},
                                                {"frequency", to_code(choice.frequency)},
                                                {"rounds", rounds.size()},
                                                {"recipients", queued}}
                                     .dump()});
  tx->commit();
  return queued;
}

}  // namespace

int queue_due_digests(store::Store& store, TimePoint now) {
  const auto settings = mail_settings();
  if (!settings) return 0;
  // Read first, so that a pass that finds nothing due writes nothing.
  std::vector<std::pair<DigestChoice, Day>> due;
  {
    auto tx = store.begin_read();
    for (const auto& choice : tx->digest_choices()) {
      const Day start = digest_period_start(choice.frequency, day_of(now));
      const std::string begins = iso_day(start) + "T00:00:00Z";
      // Chosen during this period: the first digest is the next period's.
      if (begins < choice.changed_at) continue;
      if (tx->last_digest_at(choice.user_id).value_or("") >= begins) continue;  // queued already
      due.emplace_back(choice, start);
    }
  }
  int queued = 0;
  for (const auto& [choice, start] : due) queued += queue_digest(store, *settings, choice, start, now);
  if (queued > 0) spdlog::info("sammanfattningar: {} brev köade", queued);
  return queued;
}

}  // namespace uppsikt::service
