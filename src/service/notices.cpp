#include "service/notices.h"

#include <algorithm>
#include <map>

#include "service/mail_settings.h"
#include "service/outbox.h"

namespace uppsikt::service {

RolePeople::RolePeople(store::Tx& tx, Role role) {
  std::map<Id, std::optional<User>> users;  // each person read once, however many grants
  for (const auto& grant : tx.grants_with_role(role)) {
    auto [it, fresh] = users.try_emplace(grant.user_id);
    if (fresh) it->second = tx.user(grant.user_id);
    if (it->second && !it->second->disabled) by_unit_.emplace(grant.unit_id, *it->second);
  }
}

std::vector<User> RolePeople::of(const UnitTree& tree, Id unit_id) const {
  std::map<std::string, User> by_email;
  std::optional<Id> unit = unit_id;
  // Up the tree from the unit; a cycle in stored parents ends after as many steps as links.
  for (std::size_t step = 0; unit && step <= tree.links(); ++step, unit = tree.parent(*unit)) {
    auto [first, last] = by_unit_.equal_range(*unit);
    for (auto it = first; it != last; ++it) by_email.emplace(it->second.email, it->second);
  }
  std::vector<User> out;
  for (auto& [email, user] : by_email) out.push_back(std::move(user));
  return out;
}

std::vector<User> unit_people(store::Tx& tx, const UnitTree& tree, Role role, Id unit_id) {
  return RolePeople(tx, role).of(tree, unit_id);
}

ResponseMailFacts response_facts(const std::string& public_url, const Round& round, const Unit& unit) {
  return ResponseMailFacts{.round = round.name, .unit = unit.name, .deadline = round.deadline,
                           .link = public_url + "/omgangar/" + std::to_string(round.id) + "/svar/" +
                                   std::to_string(unit.id)};
}

std::vector<Id> queue_to(store::Tx& tx, const std::vector<User>& people, const MailText& text, const std::string& kind,
                         Id round_id, Id unit_id, TimePoint now) {
  std::vector<Id> ids;
  for (const auto& person : people)
    ids.push_back(queue_message(tx,
                                OutboxMessage{.kind = kind, .recipient = person.email, .recipient_name = person.name,
                                              .subject = text.subject, .text_body = text.text, .html_body = text.html,
                                              .round_id = round_id, .unit_id = unit_id},
                                now));
  return ids;
}

void notify_round_opened(store::Tx& tx, const Round& round, TimePoint now) {
  const auto settings = mail_settings();
  if (!settings) return;
  const auto units = tx.units();
  const UnitTree tree(units);
  const RolePeople respondents(tx, Role::respondent);
  std::map<Id, const Unit*> unit_of;
  for (const auto& u : units) unit_of.emplace(u.id, &u);
  for (const auto& response : tx.responses(round.id)) {
    auto unit = unit_of.find(response.unit_id);
    if (unit == unit_of.end()) continue;
    const auto facts = response_facts(settings->public_url, round, *unit->second);
    queue_to(tx, respondents.of(tree, response.unit_id), round_opened_text(facts), "round_opened", round.id,
             response.unit_id, now);
  }
}

void notify_response_change(store::Tx& tx, const UnitTree& tree, const Round& round, const Unit& unit,
                            ResponseEventKind event, const std::string& message, TimePoint now) {
  const auto settings = mail_settings();
  if (!settings) return;
  const auto facts = response_facts(settings->public_url, round, unit);
  auto to = [&](Role role, const MailText& text, const char* kind) {
    queue_to(tx, unit_people(tx, tree, role, unit.id), text, kind, round.id, unit.id, now);
  };
  switch (event) {
    case ResponseEventKind::handed_in:
      if (round.requires_approval)
        to(Role::approver, handed_in_text(facts, true), "handed_in");
      else
        to(Role::coordinator, handed_in_text(facts, false), "handed_in");
      break;
    case ResponseEventKind::approved: to(Role::respondent, approved_text(facts), "approved"); break;
    case ResponseEventKind::sent_back: to(Role::respondent, sent_back_text(facts, message, false), "sent_back"); break;
    case ResponseEventKind::returned: to(Role::respondent, sent_back_text(facts, message, true), "returned"); break;
    case ResponseEventKind::reopened: to(Role::respondent, reopened_text(facts), "reopened"); break;
  }
}

}  // namespace uppsikt::service
