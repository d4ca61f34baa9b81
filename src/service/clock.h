#pragma once
// The current time as the services record it: ISO 8601, UTC, seconds. Use cases that depend
// on time (session expiry, throttling) take a Clock, so tests can move time.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace uppsikt::service {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

std::string now_iso();  // "2026-11-25T09:30:00Z"
std::string to_iso(TimePoint t);
// The time of "2026-11-25T09:30:00Z", or nothing for any other text.
std::optional<TimePoint> from_iso(std::string_view text);
// The system clock.
TimePoint system_now();

}  // namespace uppsikt::service
