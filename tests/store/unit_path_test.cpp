// Tx::unit_path: the unit and the units above it, which is all a permission check on that unit
// walks, read without loading the whole organisation.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

class UnitPathTest : public testing::BackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, UnitPathTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

std::vector<std::string> names(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(u.name);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(UnitPathTest, HoldsTheUnitAndItsAncestorsOnly) {
  auto tx = store_->begin();
  const Id city = tx->add_unit(Unit{.name = "Göteborgs Stad", .kind = UnitKind::kommun});
  const Id board = tx->add_unit(Unit{.parent_id = city, .name = "Miljö- och klimatnämnden", .kind = UnitKind::namnd});
  const Id office = tx->add_unit(Unit{.parent_id = board, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
  tx->add_unit(Unit{.parent_id = board, .name = "Klimatenheten"});
  tx->add_unit(Unit{.parent_id = city, .name = "Kulturnämnden", .kind = UnitKind::namnd});

  const auto path = tx->unit_path(office);
  EXPECT_EQ(names(path), (std::vector<std::string>{"Göteborgs Stad", "Miljö- och klimatnämnden", "Miljöförvaltningen"}));
  for (const auto& u : path) {
    if (u.id == office) {
      EXPECT_EQ(u.parent_id, board);
    }
  }
  EXPECT_EQ(names(tx->unit_path(city)), (std::vector<std::string>{"Göteborgs Stad"}));
  EXPECT_TRUE(tx->unit_path(office + 1000).empty());
}

TEST_P(UnitPathTest, ACycleInTheStoredParentsEndsThePath) {
  auto tx = store_->begin();
  const Id a = tx->add_unit(Unit{.name = "Enhet A"});
  const Id b = tx->add_unit(Unit{.parent_id = a, .name = "Enhet B"});
  tx->update_unit(Unit{.id = a, .parent_id = b, .name = "Enhet A"});

  EXPECT_EQ(names(tx->unit_path(b)), (std::vector<std::string>{"Enhet A", "Enhet B"}));
}

}  // namespace
}  // namespace uppsikt::store
