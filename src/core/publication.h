#pragma once
// A round's compiled report made public: readable without signing in at /publicerat/{round},
// its aggregated numbers downloadable as open data. Comments may hold personal data, so a
// publication says whether they are shown. Withdrawing removes it; the audit trail keeps both.
// Each publishing freezes the report as a numbered version, readable at its own address.
#include <optional>
#include <string>

#include "core/id.h"

namespace uppsikt {

struct Publication {
  Id round_id = 0;
  bool with_comments = false;
  std::string published_at;  // ISO date and time, UTC
  std::optional<Id> published_by;
  int version = 0;  // the frozen copy's number (1, 2, …); 0 for one published before copies were kept
};

}  // namespace uppsikt
