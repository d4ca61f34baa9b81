#include "service/clock.h"

#include <fmt/chrono.h>

#include <ctime>

namespace uppsikt::service {

std::string now_iso() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

}  // namespace uppsikt::service
