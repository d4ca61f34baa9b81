#pragma once
// The reports' content read from the store: a unit's report for a round, and the compiled
// report of a round over the units a filter keeps. Only handed-in responses (submitted or
// approved) are counted; the other units of the round are listed as not having answered.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/unit.h"
#include "report/export.h"
#include "report/model.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// Whether a compiled report lists each unit's answer under its question. The long forms (CSV,
// XLSX, JSON) need every row; the documents list up to kMostUnitsListed units, beyond which
// the lists are more than anyone reads (a national round's HTML was 121 MB) and the report
// holds counts only.
enum class UnitListing { up_to_limit, always };
inline constexpr std::size_t kMostUnitsListed = 1000;
// What a download in `format` needs: every unit for the long forms.
UnitListing listing_for(report::Format format);

struct ReportFilter {
  std::optional<Id> scope;          // only this unit and the units under it; nothing: all units
  std::vector<UnitKind> kinds;      // only units of these kinds; empty: every kind
  std::optional<Id> document_id;    // only questions on this governing document's items
  bool with_comments = true;        // false leaves every comment out (they may hold personal data)
  // The earlier rounds whose counts may show as trends; nothing: every earlier round (for a
  // viewer, those they may read). A published report shows only published rounds.
  std::optional<std::set<Id>> trend_rounds;
  UnitListing listing = UnitListing::up_to_limit;
};

// Nothing when the round, the unit or the unit's response to the round does not exist.
// Checks no permission: for the command line and tests; pages use the overload below.
std::optional<report::UnitReport> unit_report(store::Store& store, Id round_id, Id unit_id, const ReportFilter& filter = {});
// As above, and nothing also when the viewer may not see the unit's response (audited). Of
// `filter` only the document and comments apply: the unit is named, scope and kinds are not.
std::optional<report::UnitReport> unit_report(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                                              const ReportFilter& filter = {});

// Nothing when the round does not exist. Checks no permission: for the command line, tests
// and published reports (the service that publishes decides).
std::optional<report::CompiledReport> compiled_report(store::Store& store, Id round_id, const ReportFilter& filter);
// As above, inside the caller's transaction (publishing freezes the report it writes).
std::optional<report::CompiledReport> compiled_report(store::Tx& tx, Id round_id, const ReportFilter& filter);
// As above over the units whose responses the viewer may see; nothing also when the viewer
// may not read the round's compiled report (can_view_compiled; audited).
std::optional<report::CompiledReport> compiled_report(store::Store& store, const Viewer& viewer, Id round_id,
                                                      const ReportFilter& filter);

}  // namespace uppsikt::service
