#pragma once
// The Swedish text of every mail Uppsikt sends: subject, plain text and HTML, each with the
// unit, the round, its deadline and a direct link where they apply. Never any answer or
// comment: a mail says that something happened and where to read it.
#include <string>
#include <vector>

namespace uppsikt::service {

struct MailText {
  std::string subject;
  std::string text;
  std::string html;
};

// What a mail about a unit's response names. `link` is absolute.
struct ResponseMailFacts {
  std::string round;
  std::string unit;
  std::string deadline;  // ISO date, may be empty
  std::string link;
};

MailText invitation_text(const std::string& name, const std::string& link);
MailText reset_text(const std::string& name, const std::string& link);
MailText round_opened_text(const ResponseMailFacts& facts);
// `days_left`: to the deadline (0 on the day, negative after it).
MailText reminder_text(const ResponseMailFacts& facts, int days_left);
MailText handed_in_text(const ResponseMailFacts& facts, bool for_approval);
MailText approved_text(const ResponseMailFacts& facts);
// Sent back by the approver, or returned by a coordinator, with their message.
MailText sent_back_text(const ResponseMailFacts& facts, const std::string& message, bool by_coordinator);
// A coordinator opened the closed round again for the unit.
MailText reopened_text(const ResponseMailFacts& facts);

// What a coordinator's digest says of one round: its units by name, nothing they answered.
struct DigestRound {
  std::string round;
  std::string deadline;                 // ISO date, may be empty
  std::vector<std::string> handed_in;   // since the last digest
  std::vector<std::string> returned;    // sent back or returned since the last digest
  std::vector<std::string> overdue;     // past the deadline and not handed in, now
};
// `since`: the ISO day the digest counts from; `link`: the start page, absolute.
MailText digest_text(const std::string& name, bool weekly, const std::string& since,
                     const std::vector<DigestRound>& rounds, const std::string& link);

}  // namespace uppsikt::service
