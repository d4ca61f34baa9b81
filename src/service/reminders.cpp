#include "service/reminders.h"

#include <spdlog/spdlog.h>

#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "service/audit.h"
#include "service/mail_settings.h"
#include "service/notices.h"

namespace uppsikt::service {
namespace {

bool handed_in(ResponseStatus status) {
  return status == ResponseStatus::submitted || status == ResponseStatus::approved;
}

Day day_of(TimePoint t) { return std::chrono::floor<std::chrono::days>(t); }

// A due reminder older than this is not sent late (the server was down): the next one follows.
constexpr std::chrono::days kStale{7};

// The round as the unit sees it: with the unit's own deadline when it was given a later one,
// so that its reminders are planned by, and speak of, that day.
Round round_for(const Round& round, const Response& response) {
  Round out = round;
  out.deadline = deadline_for(response, round.deadline);
  return out;
}

// Queues the unit's reminder for `planned` unless it was queued already, with its audit row
// (the unit and how many people, no addresses), in one transaction. Returns the messages queued.
int queue_planned(store::Store& store, const RolePeople& respondents, const Round& round, Id unit_id, Day planned,
                  TimePoint now) {
  auto tx = store.begin();
  auto response = tx->response_of(round.id, unit_id);
  if (!response || handed_in(response->status)) return 0;  // handed in meanwhile
  if (!tx->add_reminder_send(round.id, unit_id, iso_day(planned), to_iso(now))) return 0;
  const auto unit = tx->unit(unit_id);
  if (!unit) return 0;
  const int sent =
      message_count(queue_unit_reminders(*tx, respondents, UnitTree(tx->unit_path(unit_id)), round, {*unit}, now));
  audit(*tx, Actor{},
        AuditEntry{.at = to_iso(now), .unit_id = unit_id, .action = "reminder_queue", .entity = "round",
                   .entity_id = round.id,
                   .after_json = nlohmann::json{{"planned_on", iso_day(planned)}, {"recipients", sent}}.dump()});
  tx->commit();
  return sent;
}

}  // namespace

ReminderSchedule round_schedule(store::Tx& tx, Id round_id) {
  if (auto text = tx.reminder_schedule(round_id))
    if (auto schedule = reminder_schedule_from_text(*text)) return *schedule;
  return ReminderSchedule{};
}

MailText unit_reminder_text(const std::string& public_url, const Round& round, const Unit& unit, Day today) {
  const auto deadline = day_from_iso(round.deadline);
  const int days_left = deadline ? static_cast<int>((*deadline - today).count()) : 1000;
  return reminder_text(response_facts(public_url, round, unit), days_left);
}

int message_count(const std::vector<UnitReminder>& reminders) {
  int count = 0;
  for (const auto& r : reminders) count += static_cast<int>(r.messages.size());
  return count;
}

std::vector<UnitReminder> queue_unit_reminders(store::Tx& tx, const RolePeople& respondents, const UnitTree& tree,
                                               const Round& round, const std::vector<Unit>& units, TimePoint now) {
  std::vector<UnitReminder> out;
  const auto settings = mail_settings();
  for (const auto& unit : units) {
    UnitReminder reminder{.unit = unit};
    if (settings)
      reminder.messages = queue_to(tx, respondents.of(tree, unit.id),
                                   unit_reminder_text(settings->public_url, round, unit, day_of(now)), "reminder",
                                   round.id, unit.id, now);
    out.push_back(std::move(reminder));
  }
  return out;
}

ReminderPlan reminder_plan(store::Tx& tx, const Round& round, TimePoint now) {
  ReminderPlan plan{.schedule = round_schedule(tx, round.id)};
  plan.description = describe(plan.schedule);
  if (auto deadline = day_from_iso(round.deadline); deadline && round.status != RoundStatus::closed)
    if (auto next = next_reminder(plan.schedule, *deadline, day_of(now))) plan.next = iso_day(*next);
  return plan;
}

Outcome set_reminder_schedule(store::Store& store, const Viewer& viewer, Id round_id, const ReminderInput& input,
                              const Clock& clock) {
  auto tx = store.begin();
  auto round = tx->round(round_id);
  if (!round) return Outcome::not_found();
  const auto units = tx->units();
  std::vector<Id> round_units;
  for (const auto& r : tx->responses(round_id)) round_units.push_back(r.unit_id);
  if (!can_manage_round(viewer, UnitTree(units), *round, round_units)) return Outcome::not_found();
  if (round->status == RoundStatus::closed || round->status == RoundStatus::published)
    return Outcome::invalid({{"dagar", "En stängd omgång får inga påminnelser."}});
  ReminderSchedule schedule{.on = false, .days_before = {}, .weekly_after = false};
  if (input.on) {
    std::string text = input.days;
    if (input.weekly_after) text += "+weekly";
    auto parsed = reminder_schedule_from_text(text);
    if (!parsed)
      return Outcome::invalid({{"dagar", "Skriv dagarna före sista dagen som heltal 0–365 med kommatecken emellan, "
                                         "till exempel 14, 3, 0, eller välj påminnelser varje vecka."}});
    schedule = *parsed;
  }
  const auto before = round_schedule(*tx, round_id);
  tx->save_reminder_schedule(round_id, to_text(schedule));
  audit(*tx, actor_of(viewer),
        AuditEntry{.at = to_iso(clock()), .unit_id = round->unit_id, .action = "reminder_schedule", .entity = "round",
                   .entity_id = round_id, .before_json = nlohmann::json{{"schedule", to_text(before)}}.dump(),
                   .after_json = nlohmann::json{{"schedule", to_text(schedule)}}.dump()});
  tx->commit();
  return Outcome::done(round_id);
}

int queue_due_reminders(store::Store& store, TimePoint now) {
  if (!mail_settings()) return 0;
  const Day today = day_of(now);
  struct Due {
    Round round;  // with the unit's deadline
    Day planned;
    Id unit = 0;
  };
  std::vector<Due> due;
  std::optional<RolePeople> respondents;
  {
    auto tx = store.begin_read();
    respondents.emplace(*tx, Role::respondent);
    for (const auto& round : tx->rounds()) {
      if (round.status != RoundStatus::open) continue;
      const auto schedule = round_schedule(*tx, round.id);
      std::map<Day, std::set<Id>> reminded;  // the units reminded of each planned day, read once
      // Read first, so that a pass that finds nothing new writes nothing.
      for (const auto& response : tx->responses(round.id)) {
        if (handed_in(response.status)) continue;
        const auto deadline = day_from_iso(deadline_for(response, round.deadline));
        if (!deadline) continue;
        const auto planned = due_reminder(schedule, *deadline, today);
        if (!planned || today - *planned >= kStale) continue;
        auto it = reminded.find(*planned);
        if (it == reminded.end()) {
          const auto done = tx->reminded_units(round.id, iso_day(*planned));
          it = reminded.emplace(*planned, std::set<Id>(done.begin(), done.end())).first;
        }
        if (!it->second.contains(response.unit_id)) due.push_back({round_for(round, response), *planned, response.unit_id});
      }
    }
  }
  int queued = 0;
  for (const auto& d : due) queued += queue_planned(store, *respondents, d.round, d.unit, d.planned, now);
  if (queued > 0) spdlog::info("påminnelser: {} brev köade", queued);
  return queued;
}

}  // namespace uppsikt::service
