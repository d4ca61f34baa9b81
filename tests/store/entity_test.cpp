// Every entity written through a Tx and read back with all its fields, in a real SQLite file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "store/store.h"

namespace uppsikt::store {
namespace {

namespace fs = std::filesystem;

// A fresh database file in its own temporary directory, removed afterwards.
class EntityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("uppsikt_store_" + std::string{info->name()} + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = open((dir_ / "uppsikt.db").string());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(EntityTest, UnitRoundTripsWithAndWithoutParent) {
  auto tx = store_->begin();
  const Id city = tx->add_unit(
      Unit{.id = 0, .parent_id = std::nullopt, .name = "Göteborgs Stad", .kind = UnitKind::kommun});
  const Id board = tx->add_unit(Unit{.id = 0,
                                     .parent_id = city,
                                     .name = "Miljö- och klimatnämnden",
                                     .kind = UnitKind::namnd,
                                     .closed = true});
  tx->commit();

  auto read = store_->begin_read();
  const auto root = read->unit(city);
  ASSERT_TRUE(root);
  EXPECT_EQ(root->id, city);
  EXPECT_FALSE(root->parent_id);
  EXPECT_EQ(root->name, "Göteborgs Stad");
  EXPECT_EQ(root->kind, UnitKind::kommun);
  EXPECT_FALSE(root->closed);
  const auto child = read->unit_by_name("Miljö- och klimatnämnden");
  ASSERT_TRUE(child);
  EXPECT_EQ(child->id, board);
  EXPECT_EQ(child->parent_id, city);
  EXPECT_EQ(child->kind, UnitKind::namnd);
  EXPECT_TRUE(child->closed);
  EXPECT_FALSE(read->unit(9999));
  EXPECT_FALSE(read->unit_by_name("Ingen"));
  EXPECT_EQ(read->units().size(), 2u);
}

}  // namespace
}  // namespace uppsikt::store
