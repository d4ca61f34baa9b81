// Roles and the unit tree: the pure rules under "granted on a unit and the units under it".
#include <gtest/gtest.h>

#include <vector>

#include "core/role.h"
#include "core/unit_tree.h"

namespace uppsikt {
namespace {

TEST(Role, CodesAndSwedishLabelsRoundTrip) {
  for (Role r : {Role::admin, Role::coordinator, Role::respondent, Role::approver, Role::reader})
    EXPECT_EQ(role_from_code(to_code(r)), r);
  EXPECT_EQ(to_code(Role::coordinator), "coordinator");
  EXPECT_EQ(label(Role::admin), "Administratör");
  EXPECT_EQ(label(Role::coordinator), "Samordnare");
  EXPECT_EQ(label(Role::respondent), "Svarande");
  EXPECT_EQ(label(Role::approver), "Godkännare");
  EXPECT_EQ(label(Role::reader), "Läsare");
  EXPECT_FALSE(role_from_code("Admin"));
  EXPECT_FALSE(role_from_code(""));
}

// City (1) → committee (2) → administration (3); another committee (4) → its administration (5).
std::vector<Unit> city() {
  return {{.id = 1, .name = "Staden", .kind = UnitKind::kommun},
          {.id = 2, .parent_id = 1, .name = "Nämnden", .kind = UnitKind::namnd},
          {.id = 3, .parent_id = 2, .name = "Förvaltningen", .kind = UnitKind::forvaltning},
          {.id = 4, .parent_id = 1, .name = "Andra nämnden", .kind = UnitKind::namnd},
          {.id = 5, .parent_id = 4, .name = "Andra förvaltningen", .kind = UnitKind::forvaltning}};
}

TEST(UnitWithin, AUnitIsWithinItselfAndEveryAncestor) {
  UnitTree tree(city());
  EXPECT_TRUE(unit_within(tree, 3, 3));
  EXPECT_TRUE(unit_within(tree, 3, 2));
  EXPECT_TRUE(unit_within(tree, 3, 1));
  EXPECT_TRUE(unit_within(tree, 5, 1));
}

TEST(UnitWithin, NotWithinASiblingOrADescendant) {
  UnitTree tree(city());
  EXPECT_FALSE(unit_within(tree, 3, 4));
  EXPECT_FALSE(unit_within(tree, 5, 2));
  EXPECT_FALSE(unit_within(tree, 2, 3));  // the committee is not under its administration
  EXPECT_FALSE(unit_within(tree, 1, 2));
}

TEST(UnitWithin, UnknownUnitsAndCyclesEndTheWalk) {
  EXPECT_FALSE(unit_within(UnitTree(city()), 99, 1));
  EXPECT_TRUE(unit_within(UnitTree(city()), 99, 99));
  std::vector<Unit> cycle{{.id = 1, .parent_id = 2, .name = "A"}, {.id = 2, .parent_id = 1, .name = "B"}};
  EXPECT_FALSE(unit_within(UnitTree(cycle), 1, 3));
}

}  // namespace
}  // namespace uppsikt
