#pragma once
// The digest for those who run rounds (service/mail_preferences.h), daily or weekly by each
// person's choice: per round they run, the units that handed in and those sent back or
// returned since their last digest, and the units past the deadline that have not handed in.
// Unit and round names only: never an answer, a comment or a return's message.
//
// Queued by the sender thread of `uppsikt serve` with the rounds' scheduled reminders, on the
// service clock: a period's digest (a day, or a week from Monday; 00:00 UTC) is queued at most
// once per person, across restarts and servers on one database (a row per person and period),
// and only for a period that began after the person chose it. A period with nothing to say
// sends no mail. Audited without the address.
#include "service/clock.h"
#include "store/store.h"

namespace uppsikt::service {

// Queues the digests due at `now`; returns how many messages. Nothing unless this process
// sends mail.
int queue_due_digests(store::Store& store, TimePoint now);

}  // namespace uppsikt::service
