// Keeping the governing documents, at the service, on every backend: who may, what is
// checked, the order of areas and items, and a new edition that leaves the old one as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "service/document_admin.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;

class DocumentAdminTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    city_ = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    culture_ = tx->add_unit(Unit{.parent_id = city_, .name = "Kulturnämnden", .kind = UnitKind::namnd});
    const Id sam = tx->add_user(User{.email = "sam@staden.se", .name = "Sam", .password_hash = "x"});
    tx->commit();
    coordinator_ = Viewer{.user_id = sam, .grants = {{sam, Role::coordinator, city_}}};
    respondent_ = Viewer{.user_id = sam, .grants = {{sam, Role::respondent, culture_}}};
  }

  static DocumentFields program() {
    return {.title = "Program för trygghet", .kind = "program", .period = "2022–2026",
            .decided_by = "Kommunfullmäktige", .decided_on = "2022-05-12"};
  }
  std::size_t audits(const std::string& action) {
    auto all = store_->begin_read()->audit_entries({});
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const auto& e) { return e.action == action; }));
  }

  Id city_ = 0, culture_ = 0;
  Viewer coordinator_, respondent_;
};

INSTANTIATE_TEST_SUITE_P(Backends, DocumentAdminTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(DocumentAdminTest, ADocumentIsEditedOnlyByCoordinatorsOfItsUnitOrAbove) {
  auto city_programme = create_document(*store_, coordinator_, program());
  ASSERT_TRUE(city_programme.ok());
  EXPECT_EQ(store_->begin_read()->document(city_programme.id)->unit_id, city_);  // the highest unit coordinated

  const Viewer committee{.user_id = coordinator_.user_id, .grants = {{coordinator_.user_id, Role::coordinator, culture_}}};
  auto retitled = program();
  retitled.title = "Kapat program";
  EXPECT_EQ(update_document(*store_, committee, city_programme.id, retitled).kind, Outcome::Kind::not_found);
  EXPECT_EQ(new_edition(*store_, committee, city_programme.id, "2027–2030").kind, Outcome::Kind::not_found);
  EXPECT_EQ(add_node(*store_, committee, city_programme.id, NodeFields{.kind = "area", .title = "Eget"}).kind,
            Outcome::Kind::not_found);
  EXPECT_FALSE(may_edit_document(*store_, committee, city_programme.id));
  EXPECT_TRUE(may_edit_document(*store_, coordinator_, city_programme.id));
  EXPECT_EQ(store_->begin_read()->document(city_programme.id)->title, "Program för trygghet");
  EXPECT_EQ(store_->begin_read()->documents().size(), 1u);

  // The committee keeps its own plans, and may not give one to the city.
  auto own = create_document(*store_, committee, program());
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(store_->begin_read()->document(own.id)->unit_id, culture_);
  EXPECT_TRUE(update_document(*store_, committee, own.id, retitled).ok());
  auto to_city = retitled;
  to_city.unit_id = city_;
  auto refused = update_document(*store_, committee, own.id, to_city);
  ASSERT_EQ(refused.kind, Outcome::Kind::invalid);
  EXPECT_EQ(refused.errors.at(0).field, "enhet");
  EXPECT_TRUE(update_document(*store_, coordinator_, own.id, retitled).ok());  // the city's coordinator too
}

TEST_P(DocumentAdminTest, CoordinatorCreatesAndEditsADocumentWithAreasAndItems) {
  auto made = create_document(*store_, coordinator_, program());
  ASSERT_TRUE(made.ok());
  auto area = add_node(*store_, coordinator_, made.id, NodeFields{.kind = "area", .number = "1", .title = "Målområde 1"});
  ASSERT_TRUE(area.ok());
  auto first = add_node(*store_, coordinator_, made.id,
                        NodeFields{.parent_id = area.id, .kind = "item", .number = "1:1", .title = "Lägesbild",
                                   .expected_result = "En lägesbild per år", .responsible_units = {culture_}});
  auto second = add_node(*store_, coordinator_, made.id,
                         NodeFields{.parent_id = area.id, .kind = "item", .number = "1:2", .title = "Samverkan"});
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(move_node(*store_, coordinator_, second.id, Move::up).ok());
  auto nodes = store_->begin_read()->nodes(made.id);
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(nodes[1].id, second.id);
  EXPECT_EQ(nodes[2].responsible_units, std::vector<Id>{culture_});

  auto fields = program();
  fields.title = "Trygghetsprogram";
  ASSERT_TRUE(update_document(*store_, coordinator_, made.id, fields).ok());
  EXPECT_EQ(store_->begin_read()->document(made.id)->title, "Trygghetsprogram");
  EXPECT_EQ(audits("document_create"), 1u);
  EXPECT_EQ(audits("node_add"), 3u);
  EXPECT_EQ(audits("node_move"), 1u);
  EXPECT_EQ(audits("document_update"), 1u);
}

TEST_P(DocumentAdminTest, BadFieldsAndRespondentsAreRefused) {
  auto bad = create_document(*store_, coordinator_, DocumentFields{.title = " ", .kind = "roman", .decided_on = "12 maj"});
  ASSERT_EQ(bad.kind, Outcome::Kind::invalid);
  ASSERT_EQ(bad.errors.size(), 3u);
  EXPECT_EQ(bad.errors[0].message, "Skriv dokumentets titel");
  EXPECT_EQ(create_document(*store_, respondent_, program()).kind, Outcome::Kind::not_found);
  EXPECT_TRUE(store_->begin_read()->documents().empty());
  auto made = create_document(*store_, coordinator_, program());
  auto orphan = add_node(*store_, coordinator_, made.id, NodeFields{.parent_id = 999999, .kind = "item", .title = "X"});
  EXPECT_EQ(orphan.kind, Outcome::Kind::invalid);
  EXPECT_EQ(add_node(*store_, respondent_, made.id, NodeFields{.kind = "area", .title = "X"}).kind,
            Outcome::Kind::not_found);
}

TEST_P(DocumentAdminTest, NewEditionCopiesTheTreeAndLeavesTheOldOneUnchangeable) {
  auto made = create_document(*store_, coordinator_, program());
  auto area = add_node(*store_, coordinator_, made.id, NodeFields{.kind = "area", .title = "Målområde 1"});
  ASSERT_TRUE(add_node(*store_, coordinator_, made.id,
                       NodeFields{.parent_id = area.id, .kind = "item", .title = "Insats", .responsible_units = {culture_}})
                  .ok());
  auto next = new_edition(*store_, coordinator_, made.id, "2027–2030");
  ASSERT_TRUE(next.ok());
  auto tx = store_->begin_read();
  auto doc = tx->document(next.id).value();
  EXPECT_EQ(doc.previous_id, made.id);
  EXPECT_EQ(doc.edition, 2);
  EXPECT_EQ(doc.period, "2027–2030");
  auto nodes = tx->nodes(next.id);
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes[1].parent_id, nodes[0].id);
  EXPECT_EQ(nodes[1].responsible_units, std::vector<Id>{culture_});
  EXPECT_EQ(tx->nodes(made.id).size(), 2u);
  tx.reset();
  EXPECT_TRUE(is_replaced(*store_, made.id));
  EXPECT_EQ(update_document(*store_, coordinator_, made.id, program()).kind, Outcome::Kind::invalid);
  EXPECT_EQ(new_edition(*store_, coordinator_, made.id, "2031").kind, Outcome::Kind::invalid);
  EXPECT_EQ(audits("document_edition"), 1u);
}

TEST_P(DocumentAdminTest, OnlyAnAreaOrItemNothingRefersToIsRemoved) {
  auto made = create_document(*store_, coordinator_, program());
  auto area = add_node(*store_, coordinator_, made.id, NodeFields{.kind = "area", .number = "1", .title = "Målområde 1"});
  auto item = add_node(*store_, coordinator_, made.id,
                       NodeFields{.parent_id = area.id, .kind = "item", .number = "1:1", .title = "Lägesbild",
                                  .responsible_units = {culture_}});
  auto followed = add_node(*store_, coordinator_, made.id,
                           NodeFields{.parent_id = area.id, .kind = "item", .number = "1:2", .title = "Samverkan"});
  ASSERT_TRUE(area.ok() && item.ok() && followed.ok());
  {
    auto tx = store_->begin();
    const Id round = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
    const Id scale = tx->add_scale(Scale{.name = "Ja/Nej (test)", .options = {"Ja", "Nej"}});
    tx->add_question(Question{.round_id = round, .node_id = followed.id, .position = 1, .text = "?", .scale_id = scale});
    tx->commit();
  }
  auto with_children = remove_node(*store_, coordinator_, area.id);
  ASSERT_FALSE(with_children.ok());
  EXPECT_THAT(with_children.errors.at(0).message, HasSubstr("under Målområde 1"));
  auto in_use = remove_node(*store_, coordinator_, followed.id);
  ASSERT_FALSE(in_use.ok());
  EXPECT_THAT(in_use.errors.at(0).message, HasSubstr("följs upp av 1 fråga"));
  EXPECT_EQ(remove_node(*store_, respondent_, item.id).kind, Outcome::Kind::not_found);

  ASSERT_TRUE(remove_node(*store_, coordinator_, item.id).ok());
  const auto nodes = store_->begin_read()->nodes(made.id);
  EXPECT_EQ(nodes.size(), 2u);
  EXPECT_FALSE(store_->begin_read()->node(item.id));
  EXPECT_EQ(audits("node_remove"), 1u);
}

}  // namespace
}  // namespace uppsikt::service
