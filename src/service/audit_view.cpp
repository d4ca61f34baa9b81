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

}  // namespace

bool may_read_audit(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(),
                     [](const Grant& g) { return g.role == Role::admin || g.role == Role::coordinator; });
}

std::optional<AuditView> audit_view(store::Store& store, const Viewer& viewer, const AuditQuery& query) {
  if (!may_read_audit(viewer)) return std::nullopt;
  AuditView view;
  store::Tx::AuditFilter filter{.user_id = query.user_id, .limit = kAuditLimit + 1};
  if (!query.from.empty()) {
    auto from = day_bound(query.from, false);
    if (!from) view.error = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-25.", view.field = "from";
    else filter.from = *from;
  }
  if (!query.to.empty() && view.error.empty()) {
    auto to = day_bound(query.to, true);
    if (!to) view.error = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-25.", view.field = "to";
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
  if (!view.error.empty()) return view;
  // A unit filter outside the viewer's units shows nothing rather than an error.
  if (query.unit_id && !reads_unit(viewer, tree, *query.unit_id)) return view;

  auto entries = tx->audit_entries(filter);
  for (auto& e : entries) {
    const bool visible = e.unit_id ? reads_unit(viewer, tree, *e.unit_id) : everything;
    if (!visible) continue;
    if (query.unit_id && (!e.unit_id || !unit_within(tree, *e.unit_id, *query.unit_id))) continue;
    if (view.lines.size() == static_cast<std::size_t>(kAuditLimit)) {
      view.truncated = true;
      break;
    }
    AuditLine line{.entry = std::move(e)};
    if (line.entry.user_id) line.user = people[*line.entry.user_id];
    if (line.entry.unit_id) line.unit = unit_names[*line.entry.unit_id];
    view.lines.push_back(std::move(line));
  }
  return view;
}

std::string audit_csv(const std::vector<AuditLine>& lines) {
  std::string out{csv::bom};
  out += csv::record({"Tid", "Person", "Enhet", "Händelse", "Post", "Post-id", "Före", "Efter", "Adress"});
  for (const auto& l : lines) {
    const auto& e = l.entry;
    out += csv::record({e.at, l.user, l.unit, e.action, e.entity, e.entity_id ? std::to_string(*e.entity_id) : "",
                        e.before_json, e.after_json, e.remote_address});
  }
  return out;
}

}  // namespace uppsikt::service
