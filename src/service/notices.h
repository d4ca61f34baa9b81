#pragma once
// The mail that events of a round cause, queued in the event's own transaction when this
// process sends mail (service/mail_settings.h); otherwise nothing. Each names the unit, the
// round, its deadline and links straight to the unit's response; none carries an answer.
//
//   round opened              → the respondents of every unit in the round
//   handed in                 → the unit's approvers; the coordinators when the round has no approval
//   approved, sent back, returned, reopened → the unit's respondents
//
// Who "the unit's respondents" are: active people granted the role on the unit or a unit
// above it (a grant covers the units under it), each once.
#include <map>
#include <string>
#include <vector>

#include "core/response.h"
#include "core/role.h"
#include "core/round.h"
#include "core/unit.h"
#include "core/unit_tree.h"
#include "core/user.h"
#include "service/clock.h"
#include "service/mail_text.h"
#include "store/store.h"

namespace uppsikt::service {

// The active people holding a role, by the unit of their grant: read once, asked for many
// units (a round of 12,000 units opens in one pass, not one read of every grant per unit).
class RolePeople {
 public:
  RolePeople(store::Tx& tx, Role role);
  // Those granted the role on `unit_id` or a unit above it in `tree`, by e-mail, each once.
  std::vector<User> of(const UnitTree& tree, Id unit_id) const;

 private:
  std::multimap<Id, User> by_unit_;
};

// RolePeople(tx, role).of(tree, unit_id), for one unit.
std::vector<User> unit_people(store::Tx& tx, const UnitTree& tree, Role role, Id unit_id);

// The absolute link to the unit's response page, with the round's facts for a mail.
ResponseMailFacts response_facts(const std::string& public_url, const Round& round, const Unit& unit);

// Queues `text` to each of `people`, about the round and unit. Returns the messages' ids.
// (Below: the events; each does nothing unless this process sends mail.)
std::vector<Id> queue_to(store::Tx& tx, const std::vector<User>& people, const MailText& text,
                         const std::string& kind, Id round_id, Id unit_id, TimePoint now);

// The round has opened: mail to the respondents of each of its units.
void notify_round_opened(store::Tx& tx, const Round& round, TimePoint now);
// A unit's response changed (service/answering.h); `message` is the send-back's or return's.
void notify_response_change(store::Tx& tx, const UnitTree& tree, const Round& round, const Unit& unit,
                            ResponseEventKind event, const std::string& message, TimePoint now);

}  // namespace uppsikt::service
