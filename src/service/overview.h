#pragma once
// What the start page and a round's page show: rounds with their progress, and for one
// round every responding unit with its status and answer counts.
#include <optional>
#include <string>
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

// Every round; checks no permission (the command line and tests).
std::vector<RoundSummary> round_summaries(store::Store& store);
// The rounds the viewer sees (can_see_round): a foreign town's rounds are not listed.
std::vector<RoundSummary> round_summaries(store::Store& store, const Viewer& viewer);

struct UnitRow {
  Unit unit;
  std::optional<Unit> parent;
  Id response_id = 0;
  ResponseStatus status = ResponseStatus::not_started;
  int yes = 0;
  int no = 0;
  int partly = 0;
  int not_applicable = 0;
  int answered = 0;  // questions put to the unit that have a choice
  int required = 0;  // questions put to the unit (core's asks)
  std::string updated_at;
  std::string last_changed_at;  // the latest answer's change, and by whom; empty when none
  std::string last_changed_by;
  std::string deadline;  // the unit's own later deadline; empty: the round's
};

enum class UnitSort { name, status, yes, no, answered, activity };
// Parses the `sort` parameter of the round page ("namn", "status", "ja", "nej", "besvarade",
// "aktivitet").
UnitSort unit_sort_from_param(std::string_view param);
std::string_view to_param(UnitSort sort);

// Which units the round page lists; the counts per status stay those of every unit.
struct UnitFilter {
  std::optional<ResponseStatus> status;
  std::optional<UnitKind> kind;
  std::string search;  // part of the unit's name, any case
};

struct RoundView {
  Round round;
  Progress progress;
  int questions = 0;
  std::vector<UnitRow> units;
  bool manageable = false;        // the viewer runs the round (service/permissions.h)
  bool compiled_visible = false;  // the viewer may read the compiled report (can_view_compiled)
};

// The round with its units sorted by `sort` (names by Swedish rules), or nothing when no
// such round exists.
// Checks no permission: for the command line and tests; pages use the overload below.
std::optional<RoundView> round_view(store::Store& store, Id round_id, UnitSort sort, bool descending);

// As above with only the units whose responses the viewer may see, and the progress of those;
// nothing when the viewer does not see the round (can_see_round).
std::optional<RoundView> round_view(store::Store& store, const Viewer& viewer, Id round_id, UnitSort sort,
                                    bool descending, const UnitFilter& filter = {});

}  // namespace uppsikt::service
