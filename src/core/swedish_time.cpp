#include "core/swedish_time.h"

#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <unicode/timezone.h>

namespace uppsikt {
namespace {

struct Clock {
  int year, month, day, hour, minute;
};

// Seconds since 1970 of "YYYY-MM-DDTHH:MM:SSZ" (fractions of a second allowed), or nothing.
std::optional<std::time_t> parse_utc(std::string_view text) {
  if (text.size() < 20 || text[4] != '-' || text[10] != 'T' || text.back() != 'Z') return std::nullopt;
  std::tm tm{};
  const std::string s{text.substr(0, 19)};
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &consumed) != 6 || consumed != 19)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

// The zone is made once: ICU reads its data on the first call, and getOffset is const.
const icu::TimeZone& stockholm() {
  static const std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Stockholm"));
  return *zone;
}

std::optional<Clock> in_sweden(std::string_view iso_utc) {
  auto utc = parse_utc(iso_utc);
  if (!utc) return std::nullopt;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  stockholm().getOffset(static_cast<UDate>(*utc) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  const std::time_t local = *utc + (raw + dst) / 1000;
  std::tm tm{};
  gmtime_r(&local, &tm);
  return Clock{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min};
}

}  // namespace

std::string swedish_time(std::string_view iso_utc) {
  auto c = in_sweden(iso_utc);
  if (!c) return std::string(iso_utc);
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d.%02d", c->year, c->month, c->day, c->hour, c->minute);
  return out;
}

std::string swedish_clock(std::string_view iso_utc) {
  auto c = in_sweden(iso_utc);
  if (!c) return std::string(iso_utc);
  char out[32];
  std::snprintf(out, sizeof out, "%02d.%02d", c->hour, c->minute);
  return out;
}

}  // namespace uppsikt
