#pragma once
// Times as people in Sweden read them: the services keep UTC ("2026-11-25T09:42:00Z"), the
// pages show Swedish time (CET, CEST in summer) in the Swedish style ("10.42").
#include <string>
#include <string_view>

namespace uppsikt::web {

// "10.42" for a UTC ISO time; the text itself when it is not one.
std::string swedish_clock(std::string_view iso_utc);
// "2026-11-25 10.42".
std::string swedish_time(std::string_view iso_utc);

}  // namespace uppsikt::web
