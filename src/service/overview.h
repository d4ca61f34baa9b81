#pragma once
// What the start page and a round's page show: rounds with their progress, and for one
// round every responding unit with its status and answer counts.
#include <optional>
#include <string_view>
#include <vector>

#include "core/response.h"
#include "core/round.h"
#include "core/unit.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct RoundSummary {
  Round round;
  Progress progress;
  int questions = 0;
};

std::vector<RoundSummary> round_summaries(store::Store& store);

struct UnitRow {
  Unit unit;
  std::optional<Unit> parent;
  Id response_id = 0;
  ResponseStatus status = ResponseStatus::not_started;
  int yes = 0;
  int no = 0;
  int partly = 0;
  int not_applicable = 0;
  int answered = 0;  // questions with any choice
  std::string updated_at;
};

enum class UnitSort { name, status, yes, no, answered };
// Parses the `sort` parameter of the round page ("namn", "status", "ja", "nej", "besvarade").
UnitSort unit_sort_from_param(std::string_view param);
std::string_view to_param(UnitSort sort);

struct RoundView {
  Round round;
  Progress progress;
  int questions = 0;
  std::vector<UnitRow> units;
};

// The round with its units sorted by `sort` (names by Swedish rules), or nothing when no
// such round exists.
// Checks no permission: for the command line and tests; pages use the overload below.
std::optional<RoundView> round_view(store::Store& store, Id round_id, UnitSort sort, bool descending);

// As above with only the units whose responses the viewer may see, and the progress of those.
std::optional<RoundView> round_view(store::Store& store, const Viewer& viewer, Id round_id, UnitSort sort,
                                    bool descending);

}  // namespace uppsikt::service
