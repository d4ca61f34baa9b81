#pragma once
// Row identifiers shared by every entity.
#include <cstdint>

namespace uppsikt {
using Id = std::int64_t;
}
