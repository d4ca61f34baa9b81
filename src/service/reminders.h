#pragma once
// Reminders by mail to the units of a round that have not handed in: at once, by whoever runs
// the round ("Påminn nu", service/status_board.h), and on the round's schedule, by the sender
// thread of `uppsikt serve` (service/mail_sender.h). A scheduled reminder of a unit is queued
// at most once per planned day, across restarts and across servers on one database; a
// hand-in stops the unit's reminders. Nothing is queued unless this process sends mail.
#include <optional>
#include <string>
#include <vector>

#include "core/reminder_schedule.h"
#include "core/round.h"
#include "core/unit.h"
#include "core/unit_tree.h"
#include "service/clock.h"
#include "service/mail_text.h"
#include "service/notices.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// The round's schedule: the saved one, else the default (14 and 3 days before, on the day,
// then weekly).
ReminderSchedule round_schedule(store::Tx& tx, Id round_id);

// The reminder a unit's respondents get on `today`.
MailText unit_reminder_text(const std::string& public_url, const Round& round, const Unit& unit, Day today);

// One unit's reminder as queued: a message to each of its respondents (none without mail).
struct UnitReminder {
  Unit unit;
  std::vector<Id> messages;
};
// All the messages of `reminders`.
int message_count(const std::vector<UnitReminder>& reminders);

// Queues the reminder to the respondents of each of `units` (read once into `respondents`).
std::vector<UnitReminder> queue_unit_reminders(store::Tx& tx, const RolePeople& respondents, const UnitTree& tree,
                                               const Round& round, const std::vector<Unit>& units, TimePoint now);

// What the round's reminder settings show: the schedule, in words, and the next planned day.
struct ReminderPlan {
  ReminderSchedule schedule;
  std::string description;  // describe(schedule)
  std::string next;         // ISO day of the next planned reminder; empty when none (no deadline, off)
};
ReminderPlan reminder_plan(store::Tx& tx, const Round& round, TimePoint now);

// The schedule form: on or off, the days before the deadline ("14, 3, 0") and weekly after.
struct ReminderInput {
  bool on = true;
  std::string days;
  bool weekly_after = true;
};
// Saves the schedule of a round the viewer runs (not a closed one); audited. Field "dagar" on error.
Outcome set_reminder_schedule(store::Store& store, const Viewer& viewer, Id round_id, const ReminderInput& input,
                              const Clock& clock = system_now);

// Queues the scheduled reminders due on `now`'s day (UTC) for every open round with a
// deadline: the latest planned day not yet passed by a week, to each unit not handed in, once.
// Each unit's reminder is queued and audited in its own short transaction. Returns how many
// messages were queued.
int queue_due_reminders(store::Store& store, TimePoint now);

}  // namespace uppsikt::service
