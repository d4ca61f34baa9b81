#pragma once
// Dates as people type them in forms and as they are stored: ISO 8601, "2025-11-30".
#include <string_view>

namespace uppsikt {

// True for "ÅÅÅÅ-MM-DD" naming a real day (2024-02-29 yes, 2025-02-29 no).
bool is_iso_date(std::string_view text);

}  // namespace uppsikt
