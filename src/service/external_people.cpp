#include "service/external_people.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "service/sessions.h"

namespace uppsikt::service {
namespace {

nlohmann::json identity_json(const std::string& issuer, const std::string& subject) {
  return {{"issuer", issuer}, {"subject", subject}};
}

nlohmann::json rule_grant_json(const Grant& g, const std::string& unit, const std::string& provider) {
  return {{"user_id", g.user_id}, {"role", to_code(g.role)}, {"unit_id", g.unit_id}, {"unit", unit},
          {"source", "rule"}, {"provider", provider}};
}

void link(store::Tx& tx, const std::string& issuer, const std::string& subject, Id user_id, const Actor& actor,
          const std::string& now) {
  tx.add_external_identity(ExternalIdentity{issuer, subject, user_id, now});
  audit(tx, Actor{user_id, actor.remote_address},
        AuditEntry{.action = "identity_link", .entity = "user", .entity_id = user_id,
                   .after_json = identity_json(issuer, subject).dump()});
}

}  // namespace

PersonFound find_person(store::Tx& tx, const std::string& issuer, const IdTokenClaims& claims, bool just_in_time,
                        const std::string& unusable_password_hash, const Actor& actor, const std::string& now) {
  if (auto identity = tx.external_identity(issuer, claims.subject)) return PersonFound{tx.user(identity->user_id)};
  // Only an address the provider vouches for may claim an existing account.
  const std::string email = claims.email_verified ? normal_email(claims.email) : std::string{};
  if (email.empty()) return {};
  if (auto user = tx.user_by_email(email)) {
    link(tx, issuer, claims.subject, user->id, actor, now);
    return PersonFound{user, true};
  }
  if (!just_in_time) return {};
  User user{.email = email, .name = claims.name.empty() ? email : claims.name,
            .password_hash = unusable_password_hash, .created_at = now};
  user.id = tx.add_user(user);
  audit(tx, Actor{std::nullopt, actor.remote_address},
        AuditEntry{.action = "user_add", .entity = "user", .entity_id = user.id,
                   .after_json = nlohmann::json{{"email", user.email}, {"name", user.name},
                                                {"source", "sign_in"}, {"issuer", issuer}}.dump()});
  link(tx, issuer, claims.subject, user.id, actor, now);
  return PersonFound{user, true, true};
}

void apply_role_rules(store::Tx& tx, Id user_id, const std::string& provider, const std::vector<std::string>& groups,
                      const std::vector<RoleRule>& rules, const Actor& actor) {
  const std::set<std::string> member_of(groups.begin(), groups.end());
  std::map<std::pair<Role, Id>, std::string> wanted;  // (role, unit) → the unit's name
  for (const auto& rule : rules) {
    if (!rule.provider.empty() && rule.provider != provider) continue;
    if (!member_of.contains(rule.group)) continue;
    auto unit = tx.unit_by_name(rule.unit);
    if (!unit) {
      spdlog::warn("sign-in rule for group '{}' names unit '{}', which does not exist", rule.group, rule.unit);
      continue;
    }
    wanted.emplace(std::pair{rule.role, unit->id}, unit->name);
  }
  const auto held = tx.grants(user_id);
  const auto by_rule = tx.rule_grants(user_id);
  const Actor who{user_id, actor.remote_address};
  for (const auto& g : by_rule) {
    if (wanted.contains({g.role, g.unit_id})) continue;
    tx.remove_rule_grant(g);
    auto unit = tx.unit(g.unit_id);
    audit(tx, who, AuditEntry{.unit_id = g.unit_id, .action = "grant_rule_remove", .entity = "grant",
                              .entity_id = user_id,
                              .before_json = rule_grant_json(g, unit ? unit->name : "", provider).dump()});
  }
  for (const auto& [key, unit_name] : wanted) {
    const Grant g{user_id, key.first, key.second};
    if (std::find(held.begin(), held.end(), g) != held.end()) continue;  // by hand or by rule already
    tx.add_rule_grant(g);
    audit(tx, who, AuditEntry{.unit_id = g.unit_id, .action = "grant_rule_add", .entity = "grant",
                              .entity_id = user_id, .after_json = rule_grant_json(g, unit_name, provider).dump()});
  }
}

}  // namespace uppsikt::service
