// Stored codes and Swedish labels of a person's digest choice.
#include "core/mail_preference.h"

#include <array>

#include "core/code_table.h"

namespace uppsikt {
namespace {

constexpr std::array<detail::CodeRow<DigestFrequency>, 3> kFrequencies{{
    {DigestFrequency::off, "off", "Av"},
    {DigestFrequency::daily, "daily", "Varje dag"},
    {DigestFrequency::weekly, "weekly", "Varje vecka"},
}};

std::span<const detail::CodeRow<DigestFrequency>> table() { return kFrequencies; }

}  // namespace

Day digest_period_start(DigestFrequency frequency, Day today) {
  if (frequency != DigestFrequency::weekly) return today;
  const unsigned since_monday = (std::chrono::weekday(today).c_encoding() + 6) % 7;  // Sunday is 0
  return today - std::chrono::days(since_monday);
}

Day previous_period_start(DigestFrequency frequency, Day start) {
  return start - std::chrono::days(frequency == DigestFrequency::weekly ? 7 : 1);
}

std::string_view to_code(DigestFrequency v) { return detail::row_of(table(), v).code; }
std::string_view label(DigestFrequency v) { return detail::row_of(table(), v).label; }
std::optional<DigestFrequency> digest_frequency_from_code(std::string_view c) { return detail::from_code(table(), c); }

}  // namespace uppsikt
