#include "service/person_admin.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/collate.h"
#include "core/unit_tree.h"

namespace uppsikt::service {
namespace {

// Whether the viewer may manage the person with `grants`: every grant lies within units the
// viewer administers (someone without grants only for an admin of every root).
bool may_manage(const Viewer& viewer, const UnitTree& tree, const std::vector<Unit>& units,
                const std::vector<Grant>& grants) {
  if (!is_admin(viewer)) return false;
  if (grants.empty()) return holds_everywhere(viewer, tree, units, Role::admin);
  return std::all_of(grants.begin(), grants.end(),
                     [&](const Grant& g) { return holds(viewer, tree, Role::admin, g.unit_id); });
}

AdminPerson person_of(store::Tx& tx, User user, const std::map<Id, std::string>& unit_names) {
  user.password_hash.clear();
  AdminPerson person{.user = std::move(user)};
  const auto by_rule = tx.rule_grants(person.user.id);
  for (const auto& g : tx.grants(person.user.id)) {
    auto name = unit_names.find(g.unit_id);
    person.grants.push_back({g, name == unit_names.end() ? "" : name->second,
                             std::find(by_rule.begin(), by_rule.end(), g) != by_rule.end()});
  }
  for (const auto& identity : tx.external_identities(person.user.id)) person.identity_issuers.push_back(identity.issuer);
  return person;
}

std::map<Id, std::string> names_of(const std::vector<Unit>& units) {
  std::map<Id, std::string> out;
  for (const auto& u : units) out[u.id] = u.name;
  return out;
}

// The person and the units, when the viewer may manage them.
struct Managed {
  User user;
  std::vector<Grant> grants;
  std::vector<Unit> units;
};
std::optional<Managed> managed(store::Tx& tx, const Viewer& viewer, Id user_id) {
  auto user = tx.user(user_id);
  if (!user) return std::nullopt;
  Managed m{*user, tx.grants(user_id), tx.units()};
  if (!may_manage(viewer, UnitTree(m.units), m.units, m.grants)) return std::nullopt;
  return m;
}

nlohmann::json grant_json(const Grant& g) {
  return {{"user_id", g.user_id}, {"role", to_code(g.role)}, {"unit_id", g.unit_id}};
}

// The role and unit of a grant form, checked against the viewer's units.
std::optional<Outcome> grant_input_problem(store::Tx& tx, const Viewer& viewer, std::string_view role,
                                               std::optional<Id> unit_id) {
  if (!role_from_code(role)) return Outcome::invalid("roll", "Välj en roll.");
  if (!unit_id || !tx.unit(*unit_id) || !holds(viewer, UnitTree(tx.units()), Role::admin, *unit_id))
    return Outcome::invalid("enhet", "Välj en enhet som du administrerar.");
  return std::nullopt;
}

}  // namespace

std::vector<AdminPerson> administered_people(store::Store& store, const Viewer& viewer) {
  if (!is_admin(viewer)) return {};
  auto tx = store.begin_read();
  const auto units = tx->units();
  const UnitTree tree(units);
  const auto names = names_of(units);
  std::vector<AdminPerson> out;
  for (auto& user : tx->users())
    if (may_manage(viewer, tree, units, tx->grants(user.id))) out.push_back(person_of(*tx, user, names));
  std::sort(out.begin(), out.end(),
            [](const AdminPerson& a, const AdminPerson& b) { return swedish_less(a.user.name, b.user.name); });
  return out;
}

std::optional<AdminPerson> administered_person(store::Store& store, const Viewer& viewer, Id user_id) {
  auto tx = store.begin_read();
  auto m = managed(*tx, viewer, user_id);
  if (!m) return std::nullopt;
  return person_of(*tx, m->user, names_of(m->units));
}

MadeLink invite_person(store::Store& store, const Viewer& viewer, const PersonInput& input) {
  std::optional<std::string> unit_name;
  {
    auto tx = store.begin_read();
    if (!is_admin(viewer)) return MadeLink{Outcome::not_allowed("Du administrerar inga enheter."), ""};
    if (auto p = grant_input_problem(*tx, viewer, input.role, input.unit_id)) return MadeLink{*p, ""};
    unit_name = tx->unit(*input.unit_id)->name;
  }
  return invite_user(store,
                     NewUser{.email = input.email, .name = input.name, .role = *role_from_code(input.role),
                             .unit = *unit_name},
                     actor_of(viewer));
}

Outcome grant_person_role(store::Store& store, const Viewer& viewer, Id user_id, std::string_view role,
                              std::optional<Id> unit_id) {
  auto tx = store.begin();
  if (!managed(*tx, viewer, user_id)) return Outcome::not_found();
  if (auto p = grant_input_problem(*tx, viewer, role, unit_id)) return *p;
  const Grant grant{user_id, *role_from_code(role), *unit_id};
  tx->add_grant(grant);
  audit(*tx, actor_of(viewer), AuditEntry{.unit_id = grant.unit_id, .action = "grant_add", .entity = "grant",
                                          .entity_id = user_id, .after_json = grant_json(grant).dump()});
  tx->commit();
  return Outcome::done(user_id);
}

Outcome revoke_person_role(store::Store& store, const Viewer& viewer, Id user_id, std::string_view role,
                               std::optional<Id> unit_id) {
  auto tx = store.begin();
  if (!managed(*tx, viewer, user_id)) return Outcome::not_found();
  if (auto p = grant_input_problem(*tx, viewer, role, unit_id)) return *p;
  const Grant grant{user_id, *role_from_code(role), *unit_id};
  if (user_id == viewer.user_id && grant.role == Role::admin)
    return Outcome::not_allowed("Du kan inte ta bort din egen administratörsroll. Be en annan administratör.");
  if (!tx->remove_grant(grant)) return Outcome::conflict("Personen har inte den rollen på den enheten.");
  audit(*tx, actor_of(viewer), AuditEntry{.unit_id = grant.unit_id, .action = "grant_remove", .entity = "grant",
                                          .entity_id = user_id, .before_json = grant_json(grant).dump()});
  tx->commit();
  return Outcome::done(user_id);
}

MadeLink person_reset_link(store::Store& store, const Viewer& viewer, Id user_id) {
  std::string email;
  {
    auto tx = store.begin_read();
    auto m = managed(*tx, viewer, user_id);
    if (!m) return MadeLink{Outcome::not_found(), ""};
    email = m->user.email;
  }
  return reset_link(store, email, actor_of(viewer));
}

Outcome deactivate_person(store::Store& store, const Viewer& viewer, Id user_id) {
  auto tx = store.begin();
  auto m = managed(*tx, viewer, user_id);
  if (!m) return Outcome::not_found();
  if (user_id == viewer.user_id) return Outcome::not_allowed("Du kan inte stänga av ditt eget konto.");
  if (m->user.disabled) return Outcome::conflict("Kontot är redan avstängt.");
  tx->update_user_disabled(user_id, true);
  tx->delete_sessions_of(user_id);
  audit(*tx, actor_of(viewer),
        AuditEntry{.action = "user_disable", .entity = "user", .entity_id = user_id,
                   .before_json = nlohmann::json{{"disabled", false}}.dump(),
                   .after_json = nlohmann::json{{"disabled", true}}.dump()});
  tx->commit();
  return Outcome::done(user_id);
}

}  // namespace uppsikt::service
