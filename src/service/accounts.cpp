#include "service/accounts.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "service/clock.h"
#include "service/passwords.h"
#include "service/sessions.h"

namespace uppsikt::service {
namespace {

std::optional<std::string> email_problem(std::string_view email) {
  const auto at = email.find('@');
  if (email.empty()) return "Ange en e-postadress.";
  if (at == std::string_view::npos || at == 0 || at + 1 == email.size() ||
      email.find_first_of(" \t\r\n") != std::string_view::npos)
    return "Ange en e-postadress i formatet namn@exempel.se.";
  return std::nullopt;
}

nlohmann::json grant_json(const Grant& g, const std::string& unit) {
  return {{"user_id", g.user_id}, {"role", to_code(g.role)}, {"unit_id", g.unit_id}, {"unit", unit}};
}

void add_grant_audited(store::Tx& tx, const Actor& actor, const Grant& grant, const std::string& unit) {
  tx.add_grant(grant);
  audit(tx, actor, AuditEntry{.unit_id = grant.unit_id, .action = "grant_add", .entity = "grant",
                              .entity_id = grant.user_id, .after_json = grant_json(grant, unit).dump()});
}

// Adds the person (password checked and hashed) in `tx`; the e-mail must be free.
Id insert_user(store::Tx& tx, const NewUser& user, const std::string& email, const std::string& hash,
               const Actor& actor) {
  User u{.email = email, .name = std::string{trim(user.name)}, .password_hash = hash, .created_at = now_iso()};
  u.id = tx.add_user(u);
  audit(tx, actor, AuditEntry{.action = "user_add", .entity = "user", .entity_id = u.id,
                              .after_json = nlohmann::json{{"email", u.email}, {"name", u.name}}.dump()});
  return u.id;
}

std::optional<Outcome> identity_problem(const NewUser& user, const std::string& email) {
  if (auto p = email_problem(email)) return Outcome::invalid("epost", *p);
  if (trim(user.name).empty()) return Outcome::invalid("namn", "Ange ett namn.");
  return std::nullopt;
}

std::optional<Outcome> new_user_problem(const NewUser& user, const std::string& email) {
  if (auto p = identity_problem(user, email)) return p;
  if (auto p = password_problem(user.password)) return Outcome::invalid("losenord", *p);
  return std::nullopt;
}

}  // namespace

Outcome add_user_in(store::Tx& tx, const NewUser& user, const std::string& password_hash, const Actor& actor) {
  const std::string email = normal_email(user.email);
  if (auto p = identity_problem(user, email)) return *p;
  if (tx.user_by_email(email)) return Outcome::invalid("epost", "Det finns redan ett konto för " + email + ".");
  auto unit = tx.unit_by_name(user.unit);
  if (!unit) return Outcome::invalid("enhet", "Enheten \"" + user.unit + "\" finns inte.");
  const Id id = insert_user(tx, user, email, password_hash, actor);
  add_grant_audited(tx, actor, Grant{id, user.role, unit->id}, unit->name);
  return Outcome::done(id);
}

Outcome add_user(store::Store& store, const NewUser& user, const Actor& actor) {
  if (auto p = new_user_problem(user, normal_email(user.email))) return *p;
  const std::string hash = hash_password(user.password);  // before the transaction: it is slow
  auto tx = store.begin();
  auto result = add_user_in(*tx, user, hash, actor);
  if (result.ok()) tx->commit();
  return result;
}

Outcome grant_role(store::Store& store, std::string_view email_in, Role role, std::string_view unit_name,
                         const Actor& actor) {
  const std::string email = normal_email(email_in);
  auto tx = store.begin();
  auto user = tx->user_by_email(email);
  if (!user) return Outcome::invalid("epost", "Det finns inget konto för " + email + ".");
  auto unit = tx->unit_by_name(unit_name);
  if (!unit) return Outcome::invalid("enhet", "Enheten \"" + std::string{unit_name} + "\" finns inte.");
  add_grant_audited(*tx, actor, Grant{user->id, role, unit->id}, unit->name);
  tx->commit();
  return Outcome::done(user->id);
}

Outcome reset_password(store::Store& store, std::string_view email_in, std::string_view password,
                             const Actor& actor) {
  if (auto p = password_problem(password)) return Outcome::invalid("losenord", *p);
  const std::string email = normal_email(email_in);
  const std::string hash = hash_password(password);  // before the transaction: it is slow
  auto tx = store.begin();
  auto user = tx->user_by_email(email);
  if (!user) return Outcome::invalid("epost", "Det finns inget konto för " + email + ".");
  tx->update_user_password(user->id, hash);
  tx->delete_sessions_of(user->id);
  audit(*tx, actor, AuditEntry{.action = "password_reset", .entity = "user", .entity_id = user->id});
  tx->commit();
  return Outcome::done(user->id);
}

bool has_admin(store::Store& store) {
  auto tx = store.begin_read();
  return !tx->grants_with_role(Role::admin).empty();
}

Outcome add_first_admin_in(store::Tx& tx, const NewUser& user, const std::string& password_hash,
                                 const Actor& actor) {
  const std::string email = normal_email(user.email);
  if (auto p = identity_problem(user, email)) return *p;
  if (!tx.grants_with_role(Role::admin).empty()) return Outcome::conflict("Det finns redan en administratör.");
  if (tx.user_by_email(email)) return Outcome::invalid("epost", "Det finns redan ett konto för " + email + ".");
  std::vector<Unit> roots;
  for (auto& u : tx.units())
    if (!u.parent_id) roots.push_back(u);
  if (roots.empty()) {
    Unit root{.name = "Organisationen", .kind = UnitKind::kommun};
    root.id = tx.add_unit(root);
    roots.push_back(root);
  }
  const Id id = insert_user(tx, user, email, password_hash, actor);
  for (const auto& root : roots) add_grant_audited(tx, actor, Grant{id, Role::admin, root.id}, root.name);
  return Outcome::done(id);
}

Outcome add_first_admin(store::Store& store, const NewUser& user, const Actor& actor) {
  if (auto p = new_user_problem(user, normal_email(user.email))) return *p;
  const std::string hash = hash_password(user.password);  // before the transaction: it is slow
  auto tx = store.begin();
  auto result = add_first_admin_in(*tx, user, hash, actor);
  if (result.ok()) tx->commit();
  return result;
}

}  // namespace uppsikt::service
