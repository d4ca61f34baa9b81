#pragma once
// The optional mail a person chooses on their page "E-postinställningar": the digest for those
// who run rounds, off unless they turn it on. Reminders for their units and notices of work to
// do are not a choice; they come whatever is stored here.
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"
#include "core/reminder_schedule.h"

namespace uppsikt {

enum class DigestFrequency {
  off,     // the default
  daily,   // once a day
  weekly,  // once a week (on Mondays)
};

// A person's digest choice other than off, and when it was made (ISO UTC): the first digest
// is of the first period that begins after it.
struct DigestChoice {
  Id user_id = 0;
  DigestFrequency frequency = DigestFrequency::off;
  std::string changed_at;
};

// The first day of the digest period that `today` is in: the day itself (daily), or the Monday
// of its week (weekly). A period's digest is due from 00:00 UTC of that day.
Day digest_period_start(DigestFrequency frequency, Day today);
// The period before: a day or a week earlier.
Day previous_period_start(DigestFrequency frequency, Day start);

std::string_view to_code(DigestFrequency frequency);  // "off", "daily", "weekly"
std::optional<DigestFrequency> digest_frequency_from_code(std::string_view code);
std::string_view label(DigestFrequency frequency);  // "Av", "Varje dag", "Varje vecka"

}  // namespace uppsikt
