#include "service/demo_accounts.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "service/audit.h"
#include "service/clock.h"
#include "service/demo_units.h"
#include "service/passwords.h"

namespace uppsikt::service {
namespace {

// Which of DemoAccountUnits a role is granted on.
enum class Where { top, respondent, approver };

struct Seed {
  std::string_view local_part;
  std::string_view name;
  Role role;
  Where unit;
};

constexpr Seed kSeeds[] = {
    {"admin", "Ada Administratör", Role::admin, Where::top},
    {"samordnare", "Sam Samordnare", Role::coordinator, Where::top},
    {"svarande", "Svea Svarande", Role::respondent, Where::respondent},
    {"godkannare", "Göran Godkännare", Role::approver, Where::approver},
    {"lasare", "Lars Läsare", Role::reader, Where::top},
};

const std::string& unit_of(const DemoAccountUnits& units, Where where) {
  switch (where) {
    case Where::respondent: return units.respondent;
    case Where::approver: return units.approver;
    case Where::top: break;
  }
  return units.top;
}

}  // namespace

DemoAccountUnits city_demo_units() {
  return {.top = std::string{demo::kCity},
          .respondent = std::string{demo::kSeedUnit},
          .approver = "Miljö- och klimatnämnden"};
}

std::vector<DemoAccount> demo_accounts(const DemoAccountUnits& units) {
  std::vector<DemoAccount> out;
  for (const auto& s : kSeeds)
    out.push_back({std::string{s.local_part} + "@demo.uppsikt.se", "demo-" + std::string{to_code(s.role)},
                   s.role, unit_of(units, s.unit)});
  return out;
}

void add_demo_accounts(store::Store& store, const DemoAccountUnits& units) {
  // The demo passwords are public and shorter than the 12-character minimum ("demo-admin"),
  // so they are hashed and stored here directly, past password_problem(). Only the demo
  // database gets them; every other way to set a password goes through the policy.
  const auto accounts = demo_accounts(units);
  std::vector<std::string> hashes;
  for (const auto& a : accounts) hashes.push_back(hash_password(a.password));  // before the lock
  const Actor command_line{};
  auto tx = store.begin();
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    const auto& a = accounts[i];
    auto unit = tx->unit_by_name(a.unit);
    if (!unit) throw std::runtime_error("service: demo unit " + a.unit + " is missing");
    const Id id = tx->add_user(User{.email = a.email, .name = std::string{kSeeds[i].name},
                                    .password_hash = hashes[i], .created_at = now_iso()});
    tx->add_grant(Grant{id, a.role, unit->id});
    audit(*tx, command_line, AuditEntry{.unit_id = unit->id, .action = "user_add", .entity = "user",
                                        .entity_id = id,
                                        .after_json = nlohmann::json{{"email", a.email},
                                                                     {"role", to_code(a.role)},
                                                                     {"unit", a.unit}}.dump()});
  }
  tx->commit();
}

}  // namespace uppsikt::service
