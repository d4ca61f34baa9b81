// The admin's use cases on a small tree, on a real database of every backend: units (create,
// rename, move without cycles, close), people (invite, roles, reset link, deactivate), the
// audit view with its filters and CSV. Each change writes its audit row in its own
// transaction; a refused change writes nothing at all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>

#include "core/unit_tree.h"
#include "service/audit_view.h"
#include "service/person_admin.h"
#include "service/unit_admin.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;

class AdminTest : public testing::BackendTest {
 protected:
  // Staden ─ Kulturnämnden ─ Kulturförvaltningen; Grannstaden (another root) ─ Grannämnden.
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    city_ = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    culture_ = tx->add_unit(Unit{.parent_id = city_, .name = "Kulturnämnden"});
    culture_office_ = tx->add_unit(Unit{.parent_id = culture_, .name = "Kulturförvaltningen", .kind = UnitKind::forvaltning});
    neighbour_ = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
    neighbour_unit_ = tx->add_unit(Unit{.parent_id = neighbour_, .name = "Grannämnden"});
    admin_.user_id = tx->add_user(User{.email = "admin@staden.se", .name = "Admin", .created_at = "2026-01-01T00:00:00Z"});
    admin_.grants = {Grant{admin_.user_id, Role::admin, city_}};
    tx->add_grant(admin_.grants.front());
    coordinator_.user_id = tx->add_user(User{.email = "kultur@staden.se", .name = "Kultur", .created_at = "2026-01-01T00:00:00Z"});
    coordinator_.grants = {Grant{coordinator_.user_id, Role::coordinator, culture_}};
    tx->add_grant(coordinator_.grants.front());
    tx->commit();
  }

  std::size_t audits() { return store_->begin_read()->audit_entries({}).size(); }
  std::optional<AuditEntry> latest_audit() {
    auto entries = store_->begin_read()->audit_entries({.limit = 1});
    if (entries.empty()) return std::nullopt;
    return entries.front();
  }
  Unit unit(Id id) { return *store_->begin_read()->unit(id); }

  static std::string message_of(const Outcome& outcome) { return outcome.message(); }
  static std::string message_of(const MadeLink& link) { return link.outcome.message(); }

  // Expects `result` to succeed with exactly one new audit row of `action`.
  template <typename R>
  void expect_audited(const R& result, std::size_t before, const std::string& action) {
    EXPECT_TRUE(result.ok()) << message_of(result);
    EXPECT_EQ(audits(), before + 1) << action;
    EXPECT_EQ(latest_audit()->action, action);
    EXPECT_EQ(latest_audit()->user_id, admin_.user_id);
  }
  template <typename R>
  void expect_refused(const R& result, std::size_t before, const std::string& why) {
    EXPECT_FALSE(result.ok()) << why;
    EXPECT_EQ(audits(), before) << why << ": a refused change leaves no audit row";
  }

  Id city_ = 0, culture_ = 0, culture_office_ = 0, neighbour_ = 0, neighbour_unit_ = 0;
  Viewer admin_{.name = "Admin", .remote_address = "10.0.0.1"};
  Viewer coordinator_{.name = "Kultur"};
};
INSTANTIATE_TEST_SUITE_P(Backends, AdminTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(AdminTest, UnitsAreCreatedRenamedMovedAndClosedEachWithItsAuditRow) {
  auto n = audits();
  auto made = create_unit(*store_, admin_, UnitInput{.name = "  Idrottsnämnden ", .kind = "namnd", .parent_id = city_});
  expect_audited(made, n, "unit_add");
  EXPECT_EQ(unit(made.id).name, "Idrottsnämnden");
  EXPECT_EQ(latest_audit()->unit_id, made.id);
  EXPECT_EQ(latest_audit()->remote_address, "10.0.0.1");

  n = audits();
  expect_audited(rename_unit(*store_, admin_, made.id, "Idrotts- och föreningsnämnden"), n, "unit_rename");
  EXPECT_THAT(latest_audit()->before_json, HasSubstr("Idrottsnämnden"));
  EXPECT_THAT(latest_audit()->after_json, HasSubstr("föreningsnämnden"));

  n = audits();
  expect_audited(move_unit(*store_, admin_, made.id, culture_), n, "unit_move");
  EXPECT_EQ(unit(made.id).parent_id, culture_);

  n = audits();
  expect_audited(close_unit(*store_, admin_, made.id), n, "unit_close");
  EXPECT_TRUE(unit(made.id).closed);
  auto twice = close_unit(*store_, admin_, made.id);
  expect_refused(twice, audits(), "closing twice");
  EXPECT_EQ(twice.kind, Outcome::Kind::conflict);
}

TEST_P(AdminTest, BadUnitInputIsRefusedWithTheFieldAndWritesNothing) {
  const auto n = audits();
  auto empty = create_unit(*store_, admin_, UnitInput{.name = " ", .kind = "namnd", .parent_id = city_});
  expect_refused(empty, n, "empty name");
  EXPECT_EQ(empty.errors.at(0).field, "namn");
  auto taken = create_unit(*store_, admin_, UnitInput{.name = "Kulturnämnden", .kind = "namnd", .parent_id = city_});
  EXPECT_EQ(taken.errors.at(0).field, "namn");
  EXPECT_EQ(create_unit(*store_, admin_, UnitInput{.name = "X", .kind = "slott", .parent_id = city_}).errors.at(0).field, "slag");
  // A root only for an admin of every root; a parent only among the admin's units.
  EXPECT_EQ(create_unit(*store_, admin_, UnitInput{.name = "X", .kind = "namnd"}).errors.at(0).field, "overordnad");
  EXPECT_EQ(create_unit(*store_, admin_, UnitInput{.name = "X", .kind = "namnd", .parent_id = neighbour_}).errors.at(0).field, "overordnad");
  expect_refused(rename_unit(*store_, admin_, culture_, "Staden"), n, "a taken name");
  EXPECT_EQ(audits(), n);
}

TEST_P(AdminTest, AUnitCannotMoveUnderItselfOrBelowItself) {
  const auto n = audits();
  auto self = move_unit(*store_, admin_, culture_, culture_);
  expect_refused(self, n, "under itself");
  EXPECT_EQ(self.errors.at(0).field, "overordnad");
  auto below = move_unit(*store_, admin_, culture_, culture_office_);
  expect_refused(below, n, "under its own child");
  EXPECT_THAT(below.message(), HasSubstr("under sig själv"));
  EXPECT_EQ(unit(culture_).parent_id, city_);
  // The tree is still a tree.
  EXPECT_TRUE(unit_within(UnitTree(store_->begin_read()->units()), culture_office_, city_));
}

TEST_P(AdminTest, UnitsOutsideTheAdminsOwnAreNotFound) {
  const auto n = audits();
  EXPECT_EQ(rename_unit(*store_, admin_, neighbour_unit_, "Mitt namn").kind, Outcome::Kind::not_found);
  EXPECT_EQ(move_unit(*store_, admin_, neighbour_unit_, city_).kind, Outcome::Kind::not_found);
  EXPECT_EQ(close_unit(*store_, admin_, neighbour_unit_).kind, Outcome::Kind::not_found);
  EXPECT_EQ(close_unit(*store_, admin_, 999999).kind, Outcome::Kind::not_found);
  EXPECT_EQ(close_unit(*store_, coordinator_, culture_office_).kind, Outcome::Kind::not_found);  // not an admin
  EXPECT_EQ(audits(), n);
  EXPECT_EQ(unit(neighbour_unit_).name, "Grannämnden");
  const auto listed = administered_units(*store_, admin_);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].unit.name, "Staden");
  EXPECT_EQ(listed[1].depth, 1);
  EXPECT_EQ(listed[2].parent_name, "Kulturnämnden");
  EXPECT_TRUE(administered_units(*store_, coordinator_).empty());
}

TEST_P(AdminTest, PeopleAreInvitedGrantedRevokedAndDeactivatedEachAudited) {
  auto n = audits();
  auto invited = invite_person(*store_, admin_, PersonInput{.email = "Ny@Staden.se", .name = "Ny Person", .role = "respondent",
                                                            .unit_id = culture_office_});
  ASSERT_TRUE(invited.ok()) << invited.outcome.message();
  EXPECT_EQ(audits(), n + 3);  // user_add, grant_add, link_add: one transaction
  EXPECT_EQ(latest_audit()->action, "link_add");
  const Id person = invited.outcome.id;

  n = audits();
  expect_audited(grant_person_role(*store_, admin_, person, "approver", culture_), n, "grant_add");
  n = audits();
  expect_audited(revoke_person_role(*store_, admin_, person, "approver", culture_), n, "grant_remove");
  auto twice = revoke_person_role(*store_, admin_, person, "approver", culture_);
  expect_refused(twice, audits(), "revoking twice");
  EXPECT_EQ(twice.kind, Outcome::Kind::conflict);
  expect_refused(grant_person_role(*store_, admin_, person, "kung", culture_), audits(), "an unknown role");
  expect_refused(grant_person_role(*store_, admin_, person, "reader", neighbour_unit_), audits(), "a foreign unit");

  n = audits();
  auto reset = person_reset_link(*store_, admin_, person);
  expect_audited(reset, n, "link_add");
  n = audits();
  expect_audited(deactivate_person(*store_, admin_, person), n, "user_disable");
  EXPECT_TRUE(store_->begin_read()->user(person)->disabled);
  EXPECT_FALSE(open_link(*store_, reset.token));  // a deactivated person's links open nothing
  auto oneself = deactivate_person(*store_, admin_, admin_.user_id);
  expect_refused(oneself, audits(), "oneself");
  EXPECT_EQ(oneself.kind, Outcome::Kind::not_allowed);
  auto own_role = revoke_person_role(*store_, admin_, admin_.user_id, "admin", city_);
  expect_refused(own_role, audits(), "one's own admin role");
  EXPECT_EQ(own_role.kind, Outcome::Kind::not_allowed);
}

TEST_P(AdminTest, PeopleWithRolesOutsideTheAdminsUnitsAreNotFound) {
  ASSERT_TRUE(invite_person(*store_, admin_, PersonInput{.email = "a@staden.se", .name = "Åsa", .role = "reader", .unit_id = culture_}).ok());
  Id foreign = 0;
  {
    auto tx = store_->begin();
    foreign = tx->add_user(User{.email = "granne@grannstaden.se", .name = "Granne", .created_at = "2026-01-01T00:00:00Z"});
    tx->add_grant(Grant{foreign, Role::respondent, neighbour_unit_});
    tx->commit();
  }
  const auto n = audits();
  EXPECT_EQ(deactivate_person(*store_, admin_, foreign).kind, Outcome::Kind::not_found);
  EXPECT_EQ(grant_person_role(*store_, admin_, foreign, "reader", culture_).kind, Outcome::Kind::not_found);
  EXPECT_FALSE(person_reset_link(*store_, admin_, foreign).ok());
  EXPECT_FALSE(administered_person(*store_, admin_, foreign));
  EXPECT_EQ(audits(), n);
  std::vector<std::string> names;
  for (const auto& p : administered_people(*store_, admin_)) names.push_back(p.user.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Admin", "Kultur", "Åsa"}));  // Swedish order, no neighbour
  EXPECT_FALSE(invite_person(*store_, coordinator_, PersonInput{.email = "b@staden.se", .name = "B", .role = "reader", .unit_id = culture_}).ok());
}

TEST_P(AdminTest, AUnitsAuditRowsOlderThanThousandsOfOtherRowsAreFoundAndPaged) {
  {
    auto tx = store_->begin();
    tx->add_audit(AuditEntry{.at = "2026-01-01T00:00:00Z", .unit_id = culture_office_, .action = "unit_rename"});
    for (int i = 0; i < 2001; ++i)  // newer rows of other units, more than a page or the old read limit
      tx->add_audit(AuditEntry{.at = "2026-02-01T00:00:00Z", .unit_id = i % 2 ? city_ : neighbour_unit_,
                               .action = "unit_rename"});
    tx->commit();
  }
  auto culture = audit_view(*store_, coordinator_, {});
  ASSERT_TRUE(culture);
  ASSERT_EQ(culture->lines.size(), 1u);
  EXPECT_EQ(culture->lines[0].unit, "Kulturförvaltningen");
  EXPECT_TRUE(culture->next.empty());
  EXPECT_EQ(audit_view(*store_, admin_, AuditQuery{.unit_id = culture_})->lines.size(), 1u);

  // The admin's rows (the city's, not the neighbour's), page by page: each row once.
  std::set<Id> seen;
  AuditQuery query{.limit = 400};
  int pages = 0;
  for (;;) {
    ASSERT_LT(++pages, 10);
    auto page = audit_view(*store_, admin_, query);
    ASSERT_TRUE(page);
    for (const auto& l : page->lines) EXPECT_TRUE(seen.insert(l.entry.id).second) << "row " << l.entry.id << " twice";
    if (page->next.empty()) break;
    query.after = page->next;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 1001u);  // 1000 rows of the city and the office's one
}

TEST_P(AdminTest, TheAuditViewShowsCoordinatorsTheirSubtreeFilteredAndAsCsv) {
  ASSERT_TRUE(rename_unit(*store_, admin_, culture_office_, "=Kulturförvaltningen").ok());
  ASSERT_TRUE(rename_unit(*store_, admin_, city_, "Staden!").ok());
  {
    auto tx = store_->begin();  // a change in the neighbouring town, by nobody
    audit(*tx, Actor{}, AuditEntry{.unit_id = neighbour_unit_, .action = "unit_rename"});
    tx->commit();
  }
  auto all = audit_view(*store_, admin_, {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->lines.size(), 2u);  // not the neighbour's
  auto culture = audit_view(*store_, coordinator_, {});
  ASSERT_TRUE(culture);
  ASSERT_EQ(culture->lines.size(), 1u);  // the office under the committee, not the city
  EXPECT_EQ(culture->lines[0].unit, "=Kulturförvaltningen");
  EXPECT_EQ(culture->lines[0].user, "Admin (admin@staden.se)");

  EXPECT_EQ(audit_view(*store_, admin_, AuditQuery{.unit_id = culture_})->lines.size(), 1u);
  EXPECT_EQ(audit_view(*store_, admin_, AuditQuery{.user_id = coordinator_.user_id})->lines.size(), 0u);
  EXPECT_EQ(audit_view(*store_, admin_, AuditQuery{.to = "2000-01-01"})->lines.size(), 0u);
  EXPECT_EQ(audit_view(*store_, admin_, AuditQuery{.from = "2000-01-01"})->lines.size(), 2u);
  EXPECT_EQ(audit_view(*store_, admin_, AuditQuery{.from = "igår"})->outcome.errors.at(0).field, "fran");
  EXPECT_EQ(audit_view(*store_, coordinator_, AuditQuery{.unit_id = city_})->lines.size(), 0u);
  Viewer reader{.user_id = 99, .grants = {Grant{99, Role::reader, city_}}};
  EXPECT_FALSE(audit_view(*store_, reader, {}));

  const auto csv = audit_csv(culture->lines);
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFTid (UTC);Person;Enhet;"));
  EXPECT_THAT(csv, HasSubstr(";'=Kulturförvaltningen;"));  // a formula neutralised
  EXPECT_THAT(csv, HasSubstr("\r\n"));
}

}  // namespace
}  // namespace uppsikt::service
