#pragma once
// A round's compiled report made public: readable without signing in at /publicerat/{round},
// its aggregated numbers downloadable as open data. Comments may hold personal data, so a
// publication says whether they are shown. Withdrawing removes it; the audit trail keeps both.
#include <optional>
#include <string>

#include "core/id.h"

namespace uppsikt {

struct Publication {
  Id round_id = 0;
  bool with_comments = false;
  std::string published_at;  // ISO date and time, UTC
  std::optional<Id> published_by;
};

}  // namespace uppsikt
