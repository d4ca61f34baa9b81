#include "service/response_rules.h"

namespace uppsikt::service {

bool accepts_changes(const Round& round, const Response& response) {
  return round.status == RoundStatus::open || (round.status == RoundStatus::closed && response.reopened);
}

std::string round_closed_reason(const Round& round, const Response& response) {
  if (accepts_changes(round, response)) return "";
  switch (round.status) {
    case RoundStatus::draft: return "Omgången är inte öppnad än.";
    case RoundStatus::closed: return "Omgången är stängd. Kontakta samordnaren om ni behöver lämna in i efterhand.";
    default: return "Omgången är publicerad och kan inte ändras.";
  }
}

bool editable(ResponseStatus status) {
  return status == ResponseStatus::not_started || status == ResponseStatus::draft ||
         status == ResponseStatus::returned;
}

}  // namespace uppsikt::service
