// uppsikt remind --db DB --round NAME [--unit NAME] --smtp-url URL --public-url URL
// Reminds the round's units that have not handed in (or the one unit) as "Påminn nu" does, with
// its rules and audit row, and sends the reminders at once: for a scheduler outside Uppsikt, or
// a last reminder the night before the deadline. The command line acts as an operator.
#include <iostream>
#include <map>

#include <spdlog/spdlog.h>

#include "cli/mail_settings.h"
#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "service/mail_settings.h"
#include "service/outbox.h"
#include "service/status_board.h"

namespace uppsikt::cli {
namespace {

struct Target {
  Id round_id = 0;
  std::optional<Id> unit_id;
};

Target target_of(store::Store& store, const RemindOptions& options) {
  auto tx = store.begin_read();
  auto round = tx->round_by_name(options.round);
  if (!round) throw UsageError("omgången \"" + options.round + "\" finns inte");
  Target target{.round_id = round->id};
  if (!options.unit.empty()) {
    auto unit = tx->unit_by_name(options.unit);
    if (!unit) throw UsageError("enheten \"" + options.unit + "\" finns inte");
    target.unit_id = unit->id;
  }
  return target;
}

// One line per unit: how many of its messages the server took, to whom, and what became of the rest.
bool print_unit(const service::UnitReminder& reminder, const std::map<Id, OutboxMessage>& delivered) {
  if (reminder.messages.empty()) {
    std::cout << reminder.unit.name << ": ingen svarande att påminna\n";
    return true;
  }
  std::string sent_to, not_sent;
  int sent = 0;
  for (Id id : reminder.messages) {
    const auto& m = delivered.at(id);
    if (m.status == OutboxStatus::sent) {
      sent_to += (sent++ ? ", " : "") + m.recipient;
    } else {
      not_sent += std::string(not_sent.empty() ? "" : "; ") + m.recipient + " " +
                  (m.status == OutboxStatus::failed ? "misslyckades" : "ligger kvar i kön") + " (" + m.last_error +
                  ")";
    }
  }
  std::cout << reminder.unit.name << ": " << sent << " av " << reminder.messages.size() << " skickade";
  if (sent > 0) std::cout << " till " << sent_to;
  if (!not_sent.empty()) std::cout << "; " << not_sent;
  std::cout << "\n";
  return sent == static_cast<int>(reminder.messages.size());
}

}  // namespace

int remind_command(const RemindOptions& options) {
  auto smtp = smtp_settings(options.mail);
  if (!smtp) throw UsageError("--smtp-url saknas: ange e-postservern, t.ex. --smtp-url smtp://mail.example.se:587");
  if (options.mail.public_url.empty())
    throw UsageError("--public-url saknas: breven behöver serverns adress för sina länkar, t.ex. "
                     "--public-url https://uppsikt.example.se");
  spdlog::set_level(spdlog::level::warn);  // each message's fate is printed below, not logged as well
  auto store = open_store(options.db);
  const auto target = target_of(*store, options);
  service::set_mail_settings(service::MailSettings{.public_url = options.mail.public_url});
  const auto now = service::system_now();
  auto reminded = service::remind_round_as_operator(*store, target.round_id, target.unit_id, now);
  if (reminded.outcome.kind == service::Outcome::Kind::not_found)
    throw UsageError("omgången \"" + options.round + "\" finns inte");
  if (!reminded.outcome.ok()) {
    if (reminded.outcome.errors.front().field == "enheter")
      throw UsageError("enheten \"" + options.unit + "\" har inget svar att påminna om i omgången \"" +
                       options.round + "\" (redan inlämnat eller inte med)");
    throw UsageError(reminded.outcome.errors.front().message + " (omgången \"" + options.round + "\")");
  }
  std::vector<Id> ids;
  for (const auto& unit : reminded.units) ids.insert(ids.end(), unit.messages.begin(), unit.messages.end());
  std::map<Id, OutboxMessage> delivered;
  for (auto& m : service::deliver_now(*store, *smtp, ids, now)) delivered.emplace(m.id, std::move(m));
  bool all_sent = true;
  for (const auto& unit : reminded.units) all_sent = print_unit(unit, delivered) && all_sent;
  int sent = 0;
  for (const auto& [id, m] : delivered) sent += m.status == OutboxStatus::sent;
  std::cout << "Påminde " << reminded.units.size() << (reminded.units.size() == 1 ? " enhet" : " enheter") << ": "
            << sent << " av " << ids.size() << " brev togs emot av e-postservern.\n";
  return all_sent ? 0 : 1;
}

}  // namespace uppsikt::cli
