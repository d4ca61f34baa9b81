#include "web/local_time.h"

#include <chrono>
#include <fmt/chrono.h>

#include "service/clock.h"

namespace uppsikt::web {
namespace {

using namespace std::chrono;

// 01:00 UTC on the last Sunday of `month` in `y`: when EU summer time begins (March) or ends
// (October).
sys_seconds eu_switch(year y, month m) {
  const sys_days last_sunday{year_month_weekday_last{y, m, weekday_last{Sunday}}};
  return last_sunday + hours{1};
}

// The time in Sweden, as a point whose UTC fields read as Swedish local time.
std::optional<sys_seconds> in_sweden(std::string_view iso_utc) {
  auto t = service::from_iso(iso_utc);
  if (!t) return std::nullopt;
  const auto utc = time_point_cast<seconds>(*t);
  const year y = year_month_day{floor<days>(utc)}.year();
  const bool summer = utc >= eu_switch(y, March) && utc < eu_switch(y, October);
  return utc + hours{summer ? 2 : 1};
}

}  // namespace

std::string swedish_clock(std::string_view iso_utc) {
  auto t = in_sweden(iso_utc);
  return t ? fmt::format("{:%H.%M}", *t) : std::string(iso_utc);
}

std::string swedish_time(std::string_view iso_utc) {
  auto t = in_sweden(iso_utc);
  return t ? fmt::format("{:%Y-%m-%d %H.%M}", *t) : std::string(iso_utc);
}

}  // namespace uppsikt::web
