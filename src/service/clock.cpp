#include "service/clock.h"

#include <fmt/chrono.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace uppsikt::service {

std::string now_iso() { return to_iso(system_now()); }

TimePoint system_now() { return std::chrono::system_clock::now(); }

std::string to_iso(TimePoint t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(t)));
}

std::optional<TimePoint> from_iso(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  std::tm tm{};
  const std::string s{text};
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 || consumed != 20)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace uppsikt::service
