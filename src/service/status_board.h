#pragma once
// Following a round up, for those who run it: the units that have not handed in, with their
// respondents' e-mail addresses to copy into a reminder (sending e-mail comes later), and the
// reminder itself as an audited step. The table of units with status, answered/required and
// last activity is the round page's (service/overview.h).
#include <optional>
#include <string>
#include <vector>

#include "core/response.h"
#include "core/round.h"
#include "core/unit.h"
#include "service/mail_text.h"
#include "service/outcome.h"
#include "service/reminders.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct PendingUnit {
  Unit unit;
  ResponseStatus status = ResponseStatus::not_started;
  std::vector<std::string> emails;  // respondents on the unit or above it, sorted
};

struct PendingList {
  Round round;
  std::vector<PendingUnit> units;   // not handed in (not started, draft, returned), by Swedish name
  std::vector<std::string> emails;  // every address once, sorted, for one reminder to all
};

// Nothing unless the viewer runs the round.
std::optional<PendingList> pending_units(store::Store& store, const Viewer& viewer, Id round_id);

// Reminds the units not handed in (an open round only): those in `chosen`, or all of them when
// it is empty (chosen units that have handed in, or that the viewer may not see, are passed
// over). When this process sends mail, each unit's respondents get the reminder, queued with
// the audit row (units and how many people, no addresses). Outcome::id is the number of units.
Outcome remind_round(store::Store& store, const Viewer& viewer, Id round_id, const std::vector<Id>& chosen = {});

// The command line's reminder (`uppsikt remind`): its operator runs every round, so nobody's
// permission is checked; the rules (an open round, units not handed in) and the audit row (by
// nobody) are remind_round's. With `unit_id`, only that unit, refused (field "enheter") when it
// has handed in or is not in the round. Each unit's queued messages, to deliver at once.
struct RemindedUnits {
  Outcome outcome;
  std::vector<UnitReminder> units;
};
RemindedUnits remind_round_as_operator(store::Store& store, Id round_id, std::optional<Id> unit_id, TimePoint now);

// "Påminn nu": the units not handed in, and the reminder as the first of them would get it.
struct ReminderPreview {
  PendingList pending;
  std::optional<MailText> mail;  // none without mail, or with no unit left
  ReminderPlan plan;             // the round's schedule and its next planned send
};
std::optional<ReminderPreview> reminder_preview(store::Store& store, const Viewer& viewer, Id round_id);

}  // namespace uppsikt::service
