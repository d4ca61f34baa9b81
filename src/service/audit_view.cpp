#include "service/audit_view.h"

#include <algorithm>
#include <map>

#include "core/collate.h"
#include "core/csv.h"
#include "core/unit_tree.h"
#include "service/clock.h"

namespace uppsikt::service {
namespace {

bool reads_unit(const Viewer& viewer, const UnitTree& tree, Id unit) {
  return holds(viewer, tree, Role::coordinator, unit);  // admin counts too
}

// "2026-11-25" → the ISO time at the start (or end) of that day; nothing for other text.
std::optional<std::string> day_bound(const std::string& day, bool end) {
  const std::string time = day + (end ? "T23:59:59Z" : "T00:00:00Z");
  if (day.size() != 10 || !from_iso(time)) return std::nullopt;
  return time;
}

std::string person_label(const User& u) { return u.name + " (" + u.email + ")"; }

// A page's position: "2026-11-25T10:00:00Z,123" (the last row's time and id) and back.
std::string cursor_of(const AuditEntry& e) { return e.at + "," + std::to_string(e.id); }

void apply_cursor(const std::string& cursor, store::Tx::AuditFilter& filter) {
  const auto comma = cursor.rfind(',');
  if (comma == std::string::npos || !from_iso(cursor.substr(0, comma))) return;
  const std::string id = cursor.substr(comma + 1);
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return;
  filter.before_at = cursor.substr(0, comma);
  filter.before_id = std::stoll(id);
}

// The units whose rows the view shows, as the store's filter: everything the viewer reads
// (rows of no unit too when they hold the whole organisation), narrowed to a unit's subtree.
void apply_units(const Viewer& viewer, const UnitTree& tree, const std::vector<Unit>& units, bool everything,
                 std::optional<Id> within, store::Tx::AuditFilter& filter) {
  if (everything && !within) return;  // every row
  std::vector<Id> ids;
  for (const auto& u : units)
    if (reads_unit(viewer, tree, u.id) && (!within || unit_within(tree, u.id, *within))) ids.push_back(u.id);
  filter.unit_ids = std::move(ids);
  filter.with_no_unit = everything && !within;
}

}  // namespace

bool may_read_audit(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(),
                     [](const Grant& g) { return g.role == Role::admin || g.role == Role::coordinator; });
}

constexpr std::string_view kDateFormat = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-25.";

std::optional<AuditView> audit_view(store::Store& store, const Viewer& viewer, const AuditQuery& query) {
  if (!may_read_audit(viewer)) return std::nullopt;
  AuditView view;
  const int limit = std::max(query.limit, 1);
  store::Tx::AuditFilter filter{.user_id = query.user_id, .limit = limit + 1};
  if (!query.from.empty()) {
    auto from = day_bound(query.from, false);
    if (!from) view.outcome = Outcome::invalid("fran", std::string{kDateFormat});
    else filter.from = *from;
  }
  if (!query.to.empty() && view.outcome.ok()) {
    auto to = day_bound(query.to, true);
    if (!to) view.outcome = Outcome::invalid("till", std::string{kDateFormat});
    else filter.to = *to;
  }

  auto tx = store.begin_read();
  const auto units = tx->units();
  const UnitTree tree(units);
  const bool everything = holds_everywhere(viewer, tree, units, Role::coordinator);
  std::map<Id, std::string> unit_names;
  for (const auto& u : units) {
    unit_names[u.id] = u.name;
    if (reads_unit(viewer, tree, u.id)) view.units.emplace_back(u.id, u.name);
  }
  // Everyone's name for the rows; in the filter only those with a role the viewer can see.
  std::map<Id, std::string> people;
  for (const auto& u : tx->users()) {
    people[u.id] = person_label(u);
    const auto grants = tx->grants(u.id);
    if (everything || std::any_of(grants.begin(), grants.end(),
                                  [&](const Grant& g) { return reads_unit(viewer, tree, g.unit_id); }))
      view.people.emplace_back(u.id, people[u.id]);
  }
  auto by_name = [](const auto& a, const auto& b) { return swedish_less(a.second, b.second); };
  std::sort(view.units.begin(), view.units.end(), by_name);
  std::sort(view.people.begin(), view.people.end(), by_name);
  if (!view.outcome.ok()) return view;
  // A unit filter outside the viewer's units shows nothing rather than an error.
  if (query.unit_id && !reads_unit(viewer, tree, *query.unit_id)) return view;

  apply_units(viewer, tree, units, everything, query.unit_id, filter);
  apply_cursor(query.after, filter);
  auto entries = tx->audit_entries(filter);
  if (entries.size() > static_cast<std::size_t>(limit)) {
    entries.resize(limit);
    view.next = cursor_of(entries.back());
  }
  for (auto& e : entries) {
    AuditLine line{.entry = std::move(e)};
    if (line.entry.user_id) line.user = people[*line.entry.user_id];
    if (!line.entry.token_name.empty()) line.user += " med API-nyckeln \"" + line.entry.token_name + "\"";
    if (line.entry.unit_id) line.unit = unit_names[*line.entry.unit_id];
    view.lines.push_back(std::move(line));
  }
  return view;
}

std::string audit_csv(const std::vector<AuditLine>& lines) {
  std::string out{csv::bom};
  out += csv::record({"Tid (UTC)", "Person", "Enhet", "Händelse", "Post", "Post-id", "Före", "Efter", "Adress"});
  for (const auto& l : lines) {
    const auto& e = l.entry;
    out += csv::record({e.at, l.user, l.unit, e.action, e.entity, e.entity_id ? std::to_string(*e.entity_id) : "",
                        e.before_json, e.after_json, e.remote_address});
  }
  return out;
}

}  // namespace uppsikt::service
