#pragma once
// Times as people in Sweden read them. The store keeps UTC ("2026-12-06T07:08:38Z", what
// machine-readable exports give too); pages and documents show Swedish time (Europe/Stockholm,
// CET or CEST, from ICU's time zone data) in one Swedish style: "2026-12-06 08.08".
#include <string>
#include <string_view>

namespace uppsikt {

// "2026-12-06 08.08" for "2026-12-06T07:08:38Z"; the text itself when it is not a UTC ISO
// time, and a plain date ("2026-12-06") as it is.
std::string swedish_time(std::string_view iso_utc);
// "08.08", the clock alone.
std::string swedish_clock(std::string_view iso_utc);

}  // namespace uppsikt
