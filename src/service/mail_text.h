#pragma once
// The Swedish text of every mail Uppsikt sends: subject, plain text and HTML, each with the
// unit, the round, its deadline and a direct link where they apply. Never any answer or
// comment: a mail says that something happened and where to read it.
#include <string>

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

}  // namespace uppsikt::service
