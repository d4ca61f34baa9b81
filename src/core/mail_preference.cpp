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

std::string_view to_code(DigestFrequency v) { return detail::row_of(table(), v).code; }
std::string_view label(DigestFrequency v) { return detail::row_of(table(), v).label; }
std::optional<DigestFrequency> digest_frequency_from_code(std::string_view c) { return detail::from_code(table(), c); }

}  // namespace uppsikt
