#include "service/status_board.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/mail_settings.h"
#include "service/notices.h"
#include "service/reminders.h"

namespace uppsikt::service {
namespace {

bool handed_in(ResponseStatus status) {
  return status == ResponseStatus::submitted || status == ResponseStatus::approved;
}

// The list read in `tx`, or nothing when the viewer does not run the round. No viewer: the
// command line, whose operator runs every round.
std::optional<PendingList> pending_in(store::Tx& tx, const Viewer* viewer, Id round_id) {
  auto round = tx.round(round_id);
  if (!round) return std::nullopt;
  const auto units = tx.units();
  const UnitTree tree(units);
  const auto responses = tx.responses(round_id);
  std::vector<Id> round_units;
  for (const auto& r : responses) round_units.push_back(r.unit_id);
  if (viewer && !can_manage_round(*viewer, tree, *round, round_units)) return std::nullopt;

  std::map<Id, Unit> unit_of;
  for (const auto& u : units) unit_of.emplace(u.id, u);
  // Each unit's respondents found up the tree: a national round has as many units as people.
  const RolePeople respondents(tx, Role::respondent);

  PendingList list{.round = *round};
  std::set<std::string> all;
  for (const auto& r : responses) {
    if (handed_in(r.status) || !unit_of.contains(r.unit_id)) continue;
    if (viewer && !can_view_response(*viewer, tree, *round, r.unit_id)) continue;  // never another organisation's unit
    PendingUnit pending{.unit = unit_of.at(r.unit_id), .status = r.status};
    for (auto& person : respondents.of(tree, r.unit_id)) pending.emails.push_back(std::move(person.email));
    all.insert(pending.emails.begin(), pending.emails.end());
    list.units.push_back(std::move(pending));
  }
  std::sort(list.units.begin(), list.units.end(),
            [](const PendingUnit& a, const PendingUnit& b) { return swedish_less(a.unit.name, b.unit.name); });
  list.emails.assign(all.begin(), all.end());
  return list;
}

// Queues the reminders of the units of `list` in `chosen` (all when empty) with the audit row
// (units and how many people, no addresses); the caller commits when it is done.
RemindedUnits remind_pending(store::Tx& tx, const Actor& actor, const PendingList& list,
                             const std::vector<Id>& chosen, TimePoint now) {
  if (list.round.status != RoundStatus::open)
    return {Outcome::conflict("Bara en öppen omgång kan påminnas om."), {}};
  const std::set<Id> wanted(chosen.begin(), chosen.end());
  std::vector<Unit> units;
  std::vector<std::string> names;
  for (const auto& u : list.units)
    if (wanted.empty() || wanted.contains(u.unit.id)) {
      units.push_back(u.unit);
      names.push_back(u.unit.name);
    }
  if (units.empty() && !wanted.empty()) return {Outcome::invalid({{"enheter", "Välj minst en enhet att påminna."}}), {}};
  auto reminded =
      queue_unit_reminders(tx, RolePeople(tx, Role::respondent), UnitTree(tx.units()), list.round, units, now);
  audit(tx, actor,
        AuditEntry{.at = to_iso(now), .unit_id = list.round.unit_id, .action = "round_remind", .entity = "round",
                   .entity_id = list.round.id,
                   .after_json = nlohmann::json{{"units", names}, {"recipients", message_count(reminded)}}.dump()});
  return {Outcome::done(static_cast<Id>(units.size())), std::move(reminded)};
}

}  // namespace

std::optional<PendingList> pending_units(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin_read();
  return pending_in(*tx, &viewer, round_id);
}

std::optional<ReminderPreview> reminder_preview(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin_read();
  auto list = pending_in(*tx, &viewer, round_id);
  if (!list) return std::nullopt;
  ReminderPreview preview{.pending = std::move(*list)};
  preview.plan = reminder_plan(*tx, preview.pending.round, system_now());
  const auto settings = mail_settings();
  if (settings && !preview.pending.units.empty())
    preview.mail = unit_reminder_text(settings->public_url, preview.pending.round, preview.pending.units.front().unit,
                                      std::chrono::floor<std::chrono::days>(system_now()));
  return preview;
}

Outcome remind_round(store::Store& store, const Viewer& viewer, Id round_id, const std::vector<Id>& chosen) {
  bool refused = false;
  {
    auto tx = store.begin();
    if (auto list = pending_in(*tx, &viewer, round_id)) {
      auto reminded = remind_pending(*tx, actor_of(viewer), *list, chosen, system_now());
      if (reminded.outcome.ok()) tx->commit();
      return reminded.outcome;
    }
    refused = tx->round(round_id).has_value();
  }
  if (refused)
    audit_refusal(store, actor_of(viewer), std::nullopt, "not_permitted",
                  "round_remind " + std::to_string(round_id));
  return Outcome::not_found();
}

RemindedUnits remind_round_as_operator(store::Store& store, Id round_id, std::optional<Id> unit_id, TimePoint now) {
  auto tx = store.begin();
  auto list = pending_in(*tx, nullptr, round_id);
  if (!list) return {Outcome::not_found(), {}};
  std::vector<Id> chosen;
  if (unit_id) chosen.push_back(*unit_id);
  auto reminded = remind_pending(*tx, Actor{}, *list, chosen, now);
  if (reminded.outcome.ok()) tx->commit();
  return reminded;
}

}  // namespace uppsikt::service
