#pragma once
// The optional mail a person chooses on their page "E-postinställningar": the digest for those
// who run rounds, off unless they turn it on. Reminders for their units and notices of work to
// do are not a choice; they come whatever is stored here.
#include <optional>
#include <string_view>

namespace uppsikt {

enum class DigestFrequency {
  off,     // the default
  daily,   // once a day
  weekly,  // once a week (on Mondays)
};

std::string_view to_code(DigestFrequency frequency);  // "off", "daily", "weekly"
std::optional<DigestFrequency> digest_frequency_from_code(std::string_view code);
std::string_view label(DigestFrequency frequency);  // "Av", "Varje dag", "Varje vecka"

}  // namespace uppsikt
