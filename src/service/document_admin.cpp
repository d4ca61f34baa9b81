#include "service/document_admin.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/collate.h"
#include "core/iso_date.h"
#include "core/text.h"
#include "core/unit_tree.h"
#include "service/audit.h"

namespace uppsikt::service {
namespace {

nlohmann::json document_json(const Document& d) {
  return {{"title", d.title},           {"kind", to_code(d.kind)},           {"period", d.period},
          {"decided_by", d.decided_by}, {"decided_on", d.decided_on},       {"edition", d.edition},
          {"previous_id", d.previous_id ? nlohmann::json(*d.previous_id) : nlohmann::json(nullptr)},
          {"unit_id", d.unit_id ? nlohmann::json(*d.unit_id) : nlohmann::json(nullptr)}};
}

nlohmann::json node_json(const Node& n) {
  return {{"parent_id", n.parent_id ? nlohmann::json(*n.parent_id) : nlohmann::json(nullptr)},
          {"kind", to_code(n.kind)}, {"number", n.number}, {"title", n.title}, {"text", n.text},
          {"expected_result", n.expected_result}, {"position", n.position},
          {"responsible_units", n.responsible_units}};
}

void audit_change(store::Tx& tx, const Viewer& viewer, std::string action, std::string entity, Id id,
                  const nlohmann::json& before, const nlohmann::json& after) {
  audit(tx, actor_of(viewer),
        AuditEntry{.action = std::move(action), .entity = std::move(entity), .entity_id = id,
                   .before_json = before.is_null() ? "" : before.dump(),
                   .after_json = after.is_null() ? "" : after.dump()});
}

bool replaced_in(store::Tx& tx, Id document_id) {
  const auto documents = tx.documents();
  return std::any_of(documents.begin(), documents.end(),
                     [&](const Document& d) { return d.previous_id == document_id; });
}

std::vector<FieldError> check_document(const DocumentFields& f) {
  std::vector<FieldError> errors;
  if (trim(f.title).empty()) errors.push_back({"titel", "Skriv dokumentets titel"});
  if (!document_kind_from_code(f.kind)) errors.push_back({"slag", "Välj program, handlingsplan eller plan"});
  if (!f.decided_on.empty() && !is_iso_date(f.decided_on))
    errors.push_back({"beslutsdatum", "Skriv beslutsdatum som ÅÅÅÅ-MM-DD"});
  return errors;
}

void apply_document(Document& d, const DocumentFields& f) {
  d.title = collapse_space(f.title);
  d.kind = document_kind_from_code(f.kind).value_or(DocumentKind::program);
  d.period = collapse_space(f.period);
  d.decided_by = collapse_space(f.decided_by);
  d.decided_on = f.decided_on;
}

std::vector<FieldError> check_node(store::Tx& tx, Id document_id, std::optional<Id> self, const NodeFields& f) {
  std::vector<FieldError> errors;
  if (!node_kind_from_code(f.kind)) errors.push_back({"nodtyp", "Välj område eller punkt"});
  if (trim(f.title).empty()) errors.push_back({"rubrik", "Skriv en rubrik"});
  if (f.parent_id) {
    auto parent = tx.node(*f.parent_id);
    if (!parent || parent->document_id != document_id || parent->kind != NodeKind::area || parent->id == self)
      errors.push_back({"overordnad", "Välj ett område i samma dokument"});
  }
  for (Id unit : f.responsible_units)
    if (!tx.unit(unit)) {
      errors.push_back({"ansvariga", "En vald enhet finns inte"});
      break;
    }
  return errors;
}

void apply_node(Node& n, const NodeFields& f) {
  n.parent_id = f.parent_id;
  n.kind = node_kind_from_code(f.kind).value_or(NodeKind::area);
  n.number = collapse_space(f.number);
  n.title = collapse_space(f.title);
  n.text = std::string(trim(f.text));
  n.expected_result = std::string(trim(f.expected_result));
  n.responsible_units = f.responsible_units;
}

// The highest unit the viewer coordinates (an admin or coordinator grant nearest the top).
std::optional<Id> highest_coordinated(const Viewer& viewer, const UnitTree& tree) {
  std::optional<Id> best;
  std::size_t best_depth = 0;
  for (const auto& g : viewer.grants) {
    if (g.role != Role::admin && g.role != Role::coordinator) continue;
    std::size_t depth = 0;
    for (auto up = tree.parent(g.unit_id); up && depth <= tree.links(); up = tree.parent(*up)) ++depth;
    if (!best || depth < best_depth) {
      best = g.unit_id;
      best_depth = depth;
    }
  }
  return best;
}

// The owner a change asks for: a unit the viewer coordinates, or an error on the field.
std::optional<FieldError> owner_problem(store::Tx& tx, const Viewer& viewer, std::optional<Id> unit) {
  if (!unit) return FieldError{"enhet", "Välj den enhet som dokumentet hör till"};
  auto u = tx.unit(*unit);
  if (!u || !holds(viewer, UnitTree(tx.unit_path(*unit)), Role::coordinator, *unit))
    return FieldError{"enhet", "Välj en enhet som du samordnar"};
  return std::nullopt;
}

// The document of a node, when the viewer may edit it.
std::optional<Document> editable_document(store::Tx& tx, const Viewer& viewer, Id document_id) {
  auto d = tx.document(document_id);
  if (!d || !may_edit_document(viewer, tx, *d)) return std::nullopt;
  return d;
}

Outcome old_edition() { return Outcome::invalid({{"titel", "En äldre utgåva kan inte ändras; ändra den senaste"}}); }

}  // namespace

bool may_edit_documents(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(),
                     [](const Grant& g) { return g.role == Role::admin || g.role == Role::coordinator; });
}

bool may_edit_document(const Viewer& viewer, store::Tx& tx, const Document& document) {
  if (document.unit_id) return holds(viewer, UnitTree(tx.unit_path(*document.unit_id)), Role::coordinator, *document.unit_id);
  const auto units = tx.units();
  return holds_everywhere(viewer, UnitTree(units), units, Role::coordinator);
}

bool may_edit_document(store::Store& store, const Viewer& viewer, Id document_id) {
  if (!may_edit_documents(viewer)) return false;
  auto tx = store.begin_read();
  auto d = tx->document(document_id);
  return d && may_edit_document(viewer, *tx, *d);
}

std::vector<Unit> document_owner_units(store::Store& store, const Viewer& viewer) {
  if (!may_edit_documents(viewer)) return {};
  auto tx = store.begin_read();
  auto units = tx->units();
  const UnitTree tree(units);
  std::erase_if(units, [&](const Unit& u) { return u.closed || !holds(viewer, tree, Role::coordinator, u.id); });
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return swedish_less(a.name, b.name); });
  return units;
}

std::optional<Id> default_document_unit(store::Store& store, const Viewer& viewer) {
  return highest_coordinated(viewer, UnitTree(store.begin_read()->units()));
}

bool is_replaced(store::Store& store, Id document_id) {
  auto tx = store.begin_read();
  return replaced_in(*tx, document_id);
}

Outcome create_document(store::Store& store, const Viewer& viewer, const DocumentFields& fields) {
  if (!may_edit_documents(viewer)) return Outcome::not_found();
  auto tx = store.begin();
  auto errors = check_document(fields);
  const auto owner = fields.unit_id ? fields.unit_id : highest_coordinated(viewer, UnitTree(tx->units()));
  if (auto problem = owner_problem(*tx, viewer, owner)) errors.push_back(*problem);
  if (!errors.empty()) return Outcome::invalid(std::move(errors));
  Document d{.unit_id = owner};
  apply_document(d, fields);
  for (const auto& other : tx->documents()) d.position = std::max(d.position, other.position + 1);
  d.id = tx->add_document(d);
  audit_change(*tx, viewer, "document_create", "document", d.id, nullptr, document_json(d));
  tx->commit();
  return Outcome::done(d.id);
}

Outcome update_document(store::Store& store, const Viewer& viewer, Id document_id, const DocumentFields& fields) {
  auto tx = store.begin();
  auto d = editable_document(*tx, viewer, document_id);
  if (!d) return Outcome::not_found();
  if (replaced_in(*tx, document_id)) return old_edition();
  auto errors = check_document(fields);
  if (fields.unit_id && fields.unit_id != d->unit_id)
    if (auto problem = owner_problem(*tx, viewer, fields.unit_id)) errors.push_back(*problem);
  if (!errors.empty()) return Outcome::invalid(std::move(errors));
  const auto before = document_json(*d);
  apply_document(*d, fields);
  if (fields.unit_id) d->unit_id = fields.unit_id;
  tx->update_document(*d);
  audit_change(*tx, viewer, "document_update", "document", d->id, before, document_json(*d));
  tx->commit();
  return Outcome::done(d->id);
}

Outcome new_edition(store::Store& store, const Viewer& viewer, Id document_id, const std::string& period) {
  auto tx = store.begin();
  auto old = editable_document(*tx, viewer, document_id);
  if (!old) return Outcome::not_found();
  if (replaced_in(*tx, document_id)) return old_edition();
  if (trim(period).empty()) return Outcome::invalid({{"ny-period", "Skriv den nya utgåvans period, till exempel 2027–2030"}});
  Document next = *old;
  next.period = collapse_space(period);
  next.previous_id = old->id;
  next.edition = old->edition + 1;
  next.id = tx->add_document(next);
  // Parents come before their children (nodes() orders by parent), so each parent's copy exists first.
  std::map<Id, Id> copy_of;
  auto nodes = tx->nodes(document_id);
  std::stable_sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) { return a.id < b.id; });
  for (auto node : nodes) {
    const Id old_id = node.id;
    node.document_id = next.id;
    if (node.parent_id) node.parent_id = copy_of.at(*node.parent_id);
    copy_of[old_id] = tx->add_node(node);
  }
  audit_change(*tx, viewer, "document_edition", "document", next.id, document_json(*old), document_json(next));
  tx->commit();
  return Outcome::done(next.id);
}

Outcome add_node(store::Store& store, const Viewer& viewer, Id document_id, const NodeFields& fields) {
  auto tx = store.begin();
  if (!editable_document(*tx, viewer, document_id)) return Outcome::not_found();
  if (replaced_in(*tx, document_id)) return old_edition();
  if (auto errors = check_node(*tx, document_id, std::nullopt, fields); !errors.empty())
    return Outcome::invalid(std::move(errors));
  Node n{.document_id = document_id};
  apply_node(n, fields);
  for (const auto& sibling : tx->nodes(document_id))
    if (sibling.parent_id == n.parent_id) n.position = std::max(n.position, sibling.position + 1);
  n.id = tx->add_node(n);
  audit_change(*tx, viewer, "node_add", "node", n.id, nullptr, node_json(n));
  tx->commit();
  return Outcome::done(n.id);
}

Outcome update_node(store::Store& store, const Viewer& viewer, Id node_id, const NodeFields& fields) {
  auto tx = store.begin();
  auto n = tx->node(node_id);
  if (!n || !editable_document(*tx, viewer, n->document_id)) return Outcome::not_found();
  if (replaced_in(*tx, n->document_id)) return old_edition();
  if (auto errors = check_node(*tx, n->document_id, n->id, fields); !errors.empty())
    return Outcome::invalid(std::move(errors));
  const auto before = node_json(*n);
  const auto old_parent = n->parent_id;
  apply_node(*n, fields);
  if (n->parent_id != old_parent)  // goes last under its new parent
    for (const auto& sibling : tx->nodes(n->document_id))
      if (sibling.parent_id == n->parent_id) n->position = std::max(n->position, sibling.position + 1);
  tx->update_node(*n);
  audit_change(*tx, viewer, "node_update", "node", n->id, before, node_json(*n));
  tx->commit();
  return Outcome::done(n->id);
}

Outcome move_node(store::Store& store, const Viewer& viewer, Id node_id, Move move) {
  auto tx = store.begin();
  auto n = tx->node(node_id);
  if (!n || !editable_document(*tx, viewer, n->document_id)) return Outcome::not_found();
  if (replaced_in(*tx, n->document_id)) return old_edition();
  std::vector<Node> siblings;
  for (auto& sibling : tx->nodes(n->document_id))
    if (sibling.parent_id == n->parent_id) siblings.push_back(std::move(sibling));
  auto it = std::find_if(siblings.begin(), siblings.end(), [&](const Node& x) { return x.id == node_id; });
  const bool at_end = move == Move::up ? it == siblings.begin() : std::next(it) == siblings.end();
  if (at_end) return Outcome::done(node_id);
  std::iter_swap(it, move == Move::up ? std::prev(it) : std::next(it));
  int position = 0;  // renumbered so that equal positions cannot block a move
  for (auto& sibling : siblings) {
    if (sibling.position == ++position) continue;
    sibling.position = position;
    tx->update_node(sibling);
  }
  audit_change(*tx, viewer, "node_move", "node", node_id, nullptr, {{"move", move == Move::up ? "up" : "down"}});
  tx->commit();
  return Outcome::done(node_id);
}

Outcome remove_node(store::Store& store, const Viewer& viewer, Id node_id) {
  auto tx = store.begin();
  auto n = tx->node(node_id);
  if (!n || !editable_document(*tx, viewer, n->document_id)) return Outcome::not_found();
  if (replaced_in(*tx, n->document_id)) return old_edition();
  const auto nodes = tx->nodes(n->document_id);
  if (std::any_of(nodes.begin(), nodes.end(), [&](const Node& x) { return x.parent_id == node_id; }))
    return Outcome::invalid({{"innehall-lista", "Ta först bort eller flytta punkterna under " + n->title}});
  if (const int questions = tx->questions_following(node_id); questions > 0)
    return Outcome::invalid({{"innehall-lista", n->title + " följs upp av " + std::to_string(questions) +
                                                    (questions == 1 ? " fråga" : " frågor") +
                                                    " och kan inte tas bort; gör en ny utgåva av dokumentet"}});
  tx->remove_node(node_id);
  audit_change(*tx, viewer, "node_remove", "node", node_id, node_json(*n), nullptr);
  tx->commit();
  return Outcome::done(n->document_id);
}

}  // namespace uppsikt::service
