#include "service/report_choices.h"

#include <algorithm>
#include <set>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "service/round_units.h"

namespace uppsikt::service {

ReportChoices report_choices(store::Store& store, const Viewer& viewer, Id round_id) {
  ReportChoices out;
  auto tx = store.begin_read();
  auto round = tx->round(round_id);
  if (!round) return out;
  const auto units = tx->units();
  if (!can_view_compiled(viewer, UnitTree(units), *round, round_unit_ids(*tx, round_id))) return out;
  const auto visible = visible_units(viewer, UnitTree(units), units, *round);
  std::set<UnitKind> kinds;
  for (const auto& u : units)
    if (visible.contains(u.id)) {
      out.units.push_back(u);
      kinds.insert(u.kind);
    }
  std::sort(out.units.begin(), out.units.end(), [](const Unit& a, const Unit& b) { return swedish_less(a.name, b.name); });
  out.kinds.assign(kinds.begin(), kinds.end());
  out.documents = tx->documents();
  return out;
}

}  // namespace uppsikt::service
