#pragma once
// The audit trail as admins and coordinators read it: filtered by unit (with the units under
// it), person and dates, and only the rows of units they hold admin or coordinator on. Rows
// that belong to no unit (sign-ins, accounts) are for those who hold the role on the whole
// organisation. Also as CSV for Swedish Excel.
#include <optional>
#include <string>
#include <vector>

#include "core/audit.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// Admins and coordinators.
bool may_read_audit(const Viewer& viewer);

struct AuditQuery {
  std::optional<Id> unit_id;  // the unit and the units under it
  std::optional<Id> user_id;  // who did it
  std::string from;           // dates, "2026-11-25", inclusive; empty for no bound
  std::string to;
  std::string after;          // a page's `next`: the rows after it; empty (or malformed) for the first page
  int limit = 500;            // rows a page
};

struct AuditLine {
  AuditEntry entry;
  // Name and e-mail, or "" for the command line or nobody; a change made through the API
  // names the token too.
  std::string user;
  std::string unit;  // the unit's name, or ""
};

// The most rows one CSV download holds, newest first.
inline constexpr int kAuditExportLimit = 100000;

struct AuditView {
  std::vector<AuditLine> lines;  // newest first, at most the query's limit
  std::string next;              // for AuditQuery::after when more rows match; empty on the last page
  Outcome outcome;               // invalid on "fran" or "till" when a date cannot be read
  // What the filter form offers: the units and people the viewer may filter by.
  std::vector<std::pair<Id, std::string>> units;
  std::vector<std::pair<Id, std::string>> people;
};

// Nothing for a viewer who may not read the audit trail. The unit (subtree), person and date
// filters and the viewer's own units are all conditions of the store's query, so a page holds
// every matching row however many other rows are newer.
std::optional<AuditView> audit_view(store::Store& store, const Viewer& viewer, const AuditQuery& query);

// The lines as CSV (BOM, semicolons, CRLF, formula cells neutralised), with a header row.
std::string audit_csv(const std::vector<AuditLine>& lines);

}  // namespace uppsikt::service
