// API tokens on a real database of every backend. Personal ones: made for oneself with a name
// and an expiry of at most a year, shown once and kept only as a hash, refused once expired,
// revoked or when the account is disabled, their use noted, and every change audited. Service
// ones: made by an admin with one role on a unit they administer, acting with that role only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>

#include "service/api_tokens.h"
#include "service/tokens.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ApiTokensTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    const Id unit = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    person_.user_id = tx->add_user(User{.email = "svarare@staden.se", .name = "Svarare", .created_at = "2026-01-01T00:00:00Z"});
    person_.name = "Svarare";
    person_.grants = {Grant{person_.user_id, Role::respondent, unit}};
    tx->add_grant(person_.grants.front());
    city_ = unit;
    board_ = tx->add_unit(Unit{.parent_id = unit, .name = "Nämnden", .kind = UnitKind::namnd});
    neighbour_ = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
    admin_.user_id = tx->add_user(User{.email = "admin@staden.se", .name = "Admin", .created_at = "2026-01-01T00:00:00Z"});
    admin_.grants = {Grant{admin_.user_id, Role::admin, unit}};
    tx->add_grant(admin_.grants.front());
    neighbours_admin_.user_id =
        tx->add_user(User{.email = "admin@grannstaden.se", .name = "Granne", .created_at = "2026-01-01T00:00:00Z"});
    neighbours_admin_.grants = {Grant{neighbours_admin_.user_id, Role::admin, neighbour_}};
    tx->add_grant(neighbours_admin_.grants.front());
    tx->commit();
  }

  Clock at(TimePoint t) { return [t] { return t; }; }

  Viewer person_, admin_, neighbours_admin_;
  Id city_ = 0, board_ = 0, neighbour_ = 0;
  const TimePoint now_ = *from_iso("2026-03-01T10:00:00Z");
};

INSTANTIATE_TEST_SUITE_P(Backends, ApiTokensTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(ApiTokensTest, ATokenActsWithItsOwnersRolesAndIsKeptOnlyAsAHash) {
  auto made = create_api_token(*store_, person_, {.name = "  Power BI  ", .can_write = false, .days = 30}, at(now_));
  ASSERT_TRUE(made.outcome.ok());
  EXPECT_TRUE(made.token.starts_with("upp_"));
  auto tokens = api_tokens(*store_, person_);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].name, "Power BI");
  EXPECT_EQ(tokens[0].expires_at, "2026-03-31T10:00:00Z");
  EXPECT_EQ(tokens[0].token_hash, hash_token(made.token));
  EXPECT_THAT(tokens[0].token_hash, Not(HasSubstr(made.token.substr(4))));

  auto who = authenticate_api_token(*store_, made.token, at(now_ + std::chrono::hours(1)));
  ASSERT_TRUE(who.caller.has_value());
  EXPECT_EQ(who.caller->viewer.user_id, person_.user_id);
  EXPECT_EQ(who.caller->viewer.grants, person_.grants);
  EXPECT_EQ(who.caller->viewer.token_name, "Power BI");
  EXPECT_FALSE(may_write(*who.caller));
  EXPECT_EQ(api_tokens(*store_, person_)[0].last_used_at, "2026-03-01T11:00:00Z");
  auto audit = store_->begin_read()->audit_entries({.limit = 1}).front();
  EXPECT_EQ(audit.action, "api_token_add");
  EXPECT_EQ(audit.user_id, person_.user_id);
}

TEST_P(ApiTokensTest, ANameIsNeededAndAYearIsTheLongestLife) {
  auto nameless = create_api_token(*store_, person_, {.name = " ", .days = 30}, at(now_));
  ASSERT_EQ(nameless.outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(nameless.outcome.errors[0].field, "namn");
  auto too_long = create_api_token(*store_, person_, {.name = "Skript", .days = 366}, at(now_));
  ASSERT_EQ(too_long.outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(too_long.outcome.errors[0].field, "dagar");
  EXPECT_TRUE(api_tokens(*store_, person_).empty());
}

TEST_P(ApiTokensTest, ExpiredRevokedUnknownAndDisabledAreRefused) {
  auto made = create_api_token(*store_, person_, {.name = "Skript", .can_write = true, .days = 1}, at(now_));
  ASSERT_TRUE(made.outcome.ok());
  EXPECT_EQ(authenticate_api_token(*store_, made.token, at(now_ + std::chrono::days(1))).problem, TokenProblem::expired);
  EXPECT_EQ(authenticate_api_token(*store_, "upp_" + std::string(64, 'a'), at(now_)).problem, TokenProblem::unknown);
  EXPECT_EQ(authenticate_api_token(*store_, made.token.substr(4), at(now_)).problem, TokenProblem::unknown);

  Viewer stranger{.user_id = person_.user_id + 100};
  EXPECT_EQ(revoke_api_token(*store_, stranger, made.outcome.id, at(now_)).kind, Outcome::Kind::not_found);
  EXPECT_TRUE(revoke_api_token(*store_, person_, made.outcome.id, at(now_)).ok());
  EXPECT_EQ(authenticate_api_token(*store_, made.token, at(now_)).problem, TokenProblem::revoked);
  EXPECT_EQ(revoke_api_token(*store_, person_, made.outcome.id, at(now_)).kind, Outcome::Kind::not_found);

  auto other = create_api_token(*store_, person_, {.name = "Annat", .days = 10}, at(now_));
  auto tx = store_->begin();
  tx->update_user_disabled(person_.user_id, true);
  tx->commit();
  EXPECT_FALSE(authenticate_api_token(*store_, other.token, at(now_)).caller.has_value());
}

TEST_P(ApiTokensTest, TheCommandLineMakesATokenForAPersonByEmail) {
  auto made = create_api_token_for(*store_, "SVARARE@staden.se", {.name = "Diariet", .can_write = true}, Actor{}, at(now_));
  ASSERT_TRUE(made.outcome.ok());
  EXPECT_TRUE(authenticate_api_token(*store_, made.token, at(now_)).caller->can_write);
  EXPECT_EQ(create_api_token_for(*store_, "ingen@staden.se", {.name = "X"}, Actor{}, at(now_)).outcome.kind,
            Outcome::Kind::not_found);
}

TEST_P(ApiTokensTest, AServiceTokenActsWithItsOneRoleOnItsUnitNotWithItsMakersRoles) {
  auto made = create_service_token(*store_, admin_,
                                   {.name = "Stadens BI", .role = Role::coordinator, .unit_id = board_, .days = 30},
                                   at(now_));
  ASSERT_TRUE(made.outcome.ok());
  auto who = authenticate_api_token(*store_, made.token, at(now_));
  ASSERT_TRUE(who.caller.has_value());
  const std::vector<Grant> only{Grant{admin_.user_id, Role::coordinator, board_}};
  EXPECT_EQ(who.caller->viewer.grants, only);
  EXPECT_EQ(who.caller->viewer.name, "Stadens BI");
  EXPECT_EQ(who.caller->viewer.token_name, "Stadens BI");
  EXPECT_FALSE(may_write(*who.caller));

  EXPECT_TRUE(api_tokens(*store_, admin_).empty()) << "a service token is not the admin's own";
  ASSERT_EQ(service_tokens(*store_, admin_).size(), 1u);
  EXPECT_EQ(service_tokens(*store_, admin_)[0].service_role, Role::coordinator);
  EXPECT_TRUE(service_tokens(*store_, neighbours_admin_).empty());
  EXPECT_TRUE(service_tokens(*store_, person_).empty());
  auto audit = store_->begin_read()->audit_entries({.limit = 1}).front();
  EXPECT_EQ(audit.action, "service_token_add");
  EXPECT_EQ(audit.unit_id, board_);
  EXPECT_EQ(audit.user_id, admin_.user_id);
}

TEST_P(ApiTokensTest, OnlyAnAdminOfTheUnitMakesOrRevokesAServiceToken) {
  const NewServiceToken wanted{.name = "Diariet", .role = Role::reader, .unit_id = city_};
  EXPECT_EQ(create_service_token(*store_, person_, wanted, at(now_)).outcome.kind, Outcome::Kind::not_found);
  auto foreign = create_service_token(*store_, neighbours_admin_, wanted, at(now_));
  ASSERT_EQ(foreign.outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(foreign.outcome.errors[0].field, "enhet");
  auto as_admin = create_service_token(*store_, admin_, {.name = "X", .role = Role::admin, .unit_id = city_}, at(now_));
  ASSERT_EQ(as_admin.outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(as_admin.outcome.errors[0].field, "roll");
  auto writing_reader =
      create_service_token(*store_, admin_, {.name = "X", .role = Role::reader, .unit_id = city_, .can_write = true}, at(now_));
  ASSERT_EQ(writing_reader.outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(writing_reader.outcome.errors[0].field, "roll");
  EXPECT_TRUE(store_->begin_read()->service_api_tokens().empty()) << "nothing refused is kept";

  auto made = create_service_token(*store_, admin_, wanted, at(now_));
  ASSERT_TRUE(made.outcome.ok());
  const Id id = made.outcome.id;
  EXPECT_EQ(revoke_service_token(*store_, neighbours_admin_, id, at(now_)).kind, Outcome::Kind::not_found);
  EXPECT_EQ(revoke_api_token(*store_, admin_, id, at(now_)).kind, Outcome::Kind::not_found)
      << "the page of one's own tokens does not reach a service token";
  EXPECT_TRUE(authenticate_api_token(*store_, made.token, at(now_)).caller.has_value());
  EXPECT_TRUE(revoke_service_token(*store_, admin_, id, at(now_)).ok());
  EXPECT_EQ(authenticate_api_token(*store_, made.token, at(now_)).problem, TokenProblem::revoked);
  EXPECT_EQ(store_->begin_read()->audit_entries({.limit = 1}).front().action, "service_token_revoke");
}

TEST_P(ApiTokensTest, AServiceTokenOutlivesItsMakersAccountAndThePersonalOnesDoNot) {
  auto service = create_service_token(*store_, admin_,
                                      {.name = "Diariet", .role = Role::reader, .unit_id = city_}, at(now_));
  auto personal = create_api_token(*store_, admin_, {.name = "Eget skript"}, at(now_));
  auto tx = store_->begin();
  tx->update_user_disabled(admin_.user_id, true);
  tx->commit();
  EXPECT_TRUE(authenticate_api_token(*store_, service.token, at(now_)).caller.has_value());
  EXPECT_FALSE(authenticate_api_token(*store_, personal.token, at(now_)).caller.has_value());
}

TEST_P(ApiTokensTest, TheCommandLineMakesAServiceTokenInTheNameOfAnAdmin) {
  auto made = create_service_token_for(
      *store_, "ADMIN@staden.se", {.name = "BI", .role = Role::respondent, .unit_id = board_, .can_write = true}, at(now_));
  ASSERT_TRUE(made.outcome.ok());
  auto who = authenticate_api_token(*store_, made.token, at(now_));
  ASSERT_TRUE(who.caller.has_value());
  EXPECT_TRUE(who.caller->can_write);
  EXPECT_EQ(who.caller->viewer.grants.front().role, Role::respondent);
  EXPECT_EQ(create_service_token_for(*store_, "svarare@staden.se", {.name = "X", .unit_id = board_}, at(now_)).outcome.kind,
            Outcome::Kind::not_found);
}

}  // namespace
}  // namespace uppsikt::service
