#pragma once
// One demo account per role in the demo city, password "demo-" + the role's code
// ("demo-admin", "demo-coordinator" …), printed by `uppsikt demo` and `make run`.
#include <string>
#include <vector>

#include "core/role.h"
#include "store/store.h"

namespace uppsikt::service {

struct DemoAccount {
  std::string email;     // "samordnare@demo.uppsikt.se"
  std::string password;  // "demo-coordinator"
  Role role;
  std::string unit;      // the unit the role is granted on
};

// The units the demo roles are granted on: the top of the tree for admin, coordinator and
// reader, one answering unit and the committee that approves its answers.
struct DemoAccountUnits {
  std::string top;
  std::string respondent;
  std::string approver;
};
// Those of the demo city (build_demo).
DemoAccountUnits city_demo_units();

// The accounts add_demo_accounts() creates.
std::vector<DemoAccount> demo_accounts(const DemoAccountUnits& units = city_demo_units());

// Adds the demo accounts to a database holding the demo city (build_demo) or another demo
// with `units`, audited. Throws std::runtime_error when a unit is missing or an account exists.
void add_demo_accounts(store::Store& store, const DemoAccountUnits& units = city_demo_units());

}  // namespace uppsikt::service
