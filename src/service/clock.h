#pragma once
// The current time as the services record it: ISO 8601, UTC, seconds.
#include <string>

namespace uppsikt::service {
std::string now_iso();  // "2026-11-25T09:30:00Z"
}
