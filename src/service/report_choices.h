#pragma once
// What the compiled report's filter form offers a viewer: the units they may see (for "only
// this unit and those under it"), the unit kinds among them, and the governing documents.
#include <string>
#include <vector>

#include "core/document.h"
#include "core/unit.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct ReportChoices {
  std::vector<Unit> units;         // Swedish order
  std::vector<UnitKind> kinds;     // in the enum's order
  std::vector<Document> documents; // in the follow-up's order
};

// A viewer who may not read the round's compiled report gets empty lists.
ReportChoices report_choices(store::Store& store, const Viewer& viewer, Id round_id);

}  // namespace uppsikt::service
