#include "service/unit_admin.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/collate.h"
#include "core/text.h"
#include "core/unit_tree.h"

namespace uppsikt::service {
namespace {

bool administers(const Viewer& viewer, const UnitTree& tree, Id unit) { return holds(viewer, tree, Role::admin, unit); }

// A root may be made only by an admin of every root: they administer the whole organisation.
bool administers_all(const Viewer& viewer, const std::vector<Unit>& units, const UnitTree& tree) {
  return holds_everywhere(viewer, tree, units, Role::admin);
}

nlohmann::json unit_json(const Unit& u) {
  return {{"name", u.name}, {"kind", to_code(u.kind)}, {"parent_id", u.parent_id ? nlohmann::json(*u.parent_id) : nlohmann::json(nullptr)},
          {"closed", u.closed}};
}

std::optional<std::string> name_problem(store::Tx& tx, std::string_view name, Id self) {
  if (name.empty()) return "Ange enhetens namn.";
  if (name.size() > 200) return "Namnet får ha högst 200 tecken.";
  auto other = tx.unit_by_name(name);
  if (other && other->id != self) return "Det finns redan en enhet som heter " + std::string{name} + ".";
  return std::nullopt;
}

// Writes the changed unit with its audit row, in one transaction.
Outcome save(store::Tx& tx, const Viewer& viewer, const Unit& before, const Unit& after, std::string_view action) {
  tx.update_unit(after);
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = after.id, .action = std::string{action}, .entity = "unit", .entity_id = after.id,
                   .before_json = unit_json(before).dump(), .after_json = unit_json(after).dump()});
  tx.commit();
  return Outcome::done(after.id);
}

// The unit if the viewer administers it, else nothing.
std::optional<Unit> administered(store::Tx& tx, const Viewer& viewer, Id unit_id) {
  auto unit = tx.unit(unit_id);
  if (!unit || !administers(viewer, UnitTree(tx.units()), unit_id)) return std::nullopt;
  return unit;
}

}  // namespace

bool is_admin(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(), [](const Grant& g) { return g.role == Role::admin; });
}

std::vector<AdminUnit> administered_units(store::Store& store, const Viewer& viewer) {
  if (!is_admin(viewer)) return {};
  const auto units = store.begin_read()->units();
  const UnitTree tree(units);
  std::map<std::optional<Id>, std::vector<const Unit*>> children;
  std::map<Id, const Unit*> by_id;
  for (const auto& u : units) {
    children[u.parent_id].push_back(&u);
    by_id[u.id] = &u;
  }
  for (auto& [parent, list] : children)
    std::sort(list.begin(), list.end(), [](const Unit* a, const Unit* b) { return swedish_less(a->name, b->name); });
  std::vector<AdminUnit> out;
  // Depth first from the roots; a unit shows when the viewer administers it.
  auto walk = [&](auto&& self, std::optional<Id> parent, int depth) -> void {
    auto it = children.find(parent);
    if (it == children.end()) return;
    for (const Unit* u : it->second) {
      const bool shown = administers(viewer, tree, u->id);
      if (shown) out.push_back(AdminUnit{*u, depth, u->parent_id ? by_id.at(*u->parent_id)->name : ""});
      if (depth < 64) self(self, u->id, shown ? depth + 1 : depth);
    }
  };
  walk(walk, std::nullopt, 0);
  return out;
}

Outcome create_unit(store::Store& store, const Viewer& viewer, const UnitInput& input) {
  const std::string name{trim(input.name)};
  auto kind = unit_kind_from_code(input.kind);
  auto tx = store.begin();
  const auto units = tx->units();
  const UnitTree tree(units);
  if (input.parent_id) {
    if (!tx->unit(*input.parent_id) || !administers(viewer, tree, *input.parent_id))
      return Outcome::invalid("overordnad", "Välj en överordnad enhet som du administrerar.");
  } else if (!administers_all(viewer, units, tree)) {
    return Outcome::invalid("overordnad", "Välj en överordnad enhet.");
  }
  if (auto p = name_problem(*tx, name, 0)) return Outcome::invalid("namn", *p);
  if (!kind) return Outcome::invalid("slag", "Välj vilken sorts enhet det är.");
  Unit unit{.parent_id = input.parent_id, .name = name, .kind = *kind};
  unit.id = tx->add_unit(unit);
  audit(*tx, actor_of(viewer),
        AuditEntry{.unit_id = unit.id, .action = "unit_add", .entity = "unit", .entity_id = unit.id,
                   .after_json = unit_json(unit).dump()});
  tx->commit();
  return Outcome::done(unit.id);
}

Outcome rename_unit(store::Store& store, const Viewer& viewer, Id unit_id, std::string_view name_in) {
  const std::string name{trim(name_in)};
  auto tx = store.begin();
  auto unit = administered(*tx, viewer, unit_id);
  if (!unit) return Outcome::not_found();
  if (auto p = name_problem(*tx, name, unit_id)) return Outcome::invalid("namn", *p);
  Unit after = *unit;
  after.name = name;
  return save(*tx, viewer, *unit, after, "unit_rename");
}

Outcome move_unit(store::Store& store, const Viewer& viewer, Id unit_id, std::optional<Id> parent_id) {
  auto tx = store.begin();
  auto unit = administered(*tx, viewer, unit_id);
  if (!unit) return Outcome::not_found();
  const auto units = tx->units();
  const UnitTree tree(units);
  if (parent_id) {
    if (!tx->unit(*parent_id) || !administers(viewer, tree, *parent_id))
      return Outcome::invalid("overordnad", "Välj en överordnad enhet som du administrerar.");
    if (unit_within(tree, *parent_id, unit_id))
      return Outcome::invalid("overordnad", "En enhet kan inte flyttas under sig själv eller under en enhet som ligger under den.");
  } else if (!administers_all(viewer, units, tree)) {
    return Outcome::invalid("overordnad", "Välj en överordnad enhet.");
  }
  Unit after = *unit;
  after.parent_id = parent_id;
  return save(*tx, viewer, *unit, after, "unit_move");
}

Outcome close_unit(store::Store& store, const Viewer& viewer, Id unit_id) {
  auto tx = store.begin();
  auto unit = administered(*tx, viewer, unit_id);
  if (!unit) return Outcome::not_found();
  if (unit->closed) return Outcome::conflict("Enheten är redan stängd.");
  Unit after = *unit;
  after.closed = true;
  return save(*tx, viewer, *unit, after, "unit_close");
}

}  // namespace uppsikt::service
