// Sign-in through identity providers, in the store of every backend: a sign-in under way is
// taken once (a replayed state finds nothing), old ones are forgotten, one person per (issuer,
// subject), the grants the rules gave are told apart from those given by hand, and a SAML
// assertion is used once.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

class ExternalSignInStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    unit_ = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    user_ = tx->add_user(User{.email = "anna@staden.se", .name = "Anna", .created_at = "2026-01-01T00:00:00Z"});
    tx->commit();
  }

  static SignInFlow flow(const std::string& state_hash, const std::string& created_at) {
    return SignInFlow{.state_hash = state_hash, .provider = "entra", .nonce = "n", .code_verifier = "v",
                      .browser_hash = "b", .created_at = created_at};
  }

  Id unit_ = 0, user_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, ExternalSignInStoreTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(ExternalSignInStoreTest, ASignInUnderWayIsTakenOnceAndOldOnesAreForgotten) {
  {
    auto tx = store_->begin();
    tx->add_sign_in_flow(flow("ny", "2026-01-01T10:05:00Z"));
    tx->add_sign_in_flow(flow("gammal", "2026-01-01T09:00:00Z"));
    tx->delete_sign_in_flows_before("2026-01-01T10:00:00Z");
    tx->commit();
  }
  auto tx = store_->begin();
  EXPECT_FALSE(tx->take_sign_in_flow("gammal"));
  auto taken = tx->take_sign_in_flow("ny");
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->provider, "entra");
  EXPECT_EQ(taken->code_verifier, "v");
  EXPECT_FALSE(tx->take_sign_in_flow("ny")) << "a state is used once";
}

TEST_P(ExternalSignInStoreTest, OnePersonPerIssuerAndSubject) {
  auto tx = store_->begin();
  tx->add_external_identity(ExternalIdentity{"https://idp", "s1", user_, "2026-01-01T00:00:00Z"});
  EXPECT_EQ(tx->external_identity("https://idp", "s1")->user_id, user_);
  EXPECT_FALSE(tx->external_identity("https://annan", "s1"));
  EXPECT_EQ(tx->external_identities(user_).size(), 1u);
  EXPECT_THROW(tx->add_external_identity(ExternalIdentity{"https://idp", "s1", user_, "2026-01-02T00:00:00Z"}),
               StoreError);
}

TEST_P(ExternalSignInStoreTest, RuleGrantsAreToldApartAndAHandMakesOneItsOwn) {
  const Grant coordinator{user_, Role::coordinator, unit_}, reader{user_, Role::reader, unit_};
  {
    auto tx = store_->begin();
    tx->add_grant(reader);             // by hand
    tx->add_rule_grant(reader);        // already held: stays the hand's
    tx->add_rule_grant(coordinator);
    tx->commit();
  }
  auto tx = store_->begin();
  EXPECT_EQ(tx->rule_grants(user_), std::vector<Grant>{coordinator});
  EXPECT_FALSE(tx->remove_rule_grant(reader)) << "the rules take away only what they gave";
  tx->add_grant(coordinator);  // an administrator grants it by hand too
  EXPECT_TRUE(tx->rule_grants(user_).empty());
  EXPECT_FALSE(tx->remove_rule_grant(coordinator));
  EXPECT_EQ(tx->grants(user_).size(), 2u);
}

TEST_P(ExternalSignInStoreTest, AnAssertionIsUsedOnceUntilItIsForgotten) {
  {
    auto tx = store_->begin();
    EXPECT_TRUE(tx->add_used_assertion("https://idp.example.se", "_a1", "2026-12-06T10:05:00Z"));
    EXPECT_FALSE(tx->add_used_assertion("https://idp.example.se", "_a1", "2026-12-06T10:05:00Z"));
    EXPECT_TRUE(tx->add_used_assertion("https://other.example.se", "_a1", "2026-12-06T10:05:00Z"));
    tx->commit();
  }
  auto tx = store_->begin();
  tx->delete_used_assertions_before("2026-12-06T10:04:00Z");
  EXPECT_FALSE(tx->add_used_assertion("https://idp.example.se", "_a1", "2026-12-06T10:05:00Z"));
  tx->delete_used_assertions_before("2026-12-06T10:06:00Z");
  EXPECT_TRUE(tx->add_used_assertion("https://idp.example.se", "_a1", "2026-12-06T10:05:00Z"));
}

}  // namespace
}  // namespace uppsikt::store
