// Sign-in through an identity provider, below the protocol (tests/auth drives the protocol
// against a real provider): the person found for a token's claims, the role rules applied at
// each sign-in (hand-given roles stay), on every backend; and the provider's keys fetched
// again for an unknown key id at most once per jwks_min_refetch.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "service/external_people.h"
#include "service/oidc_provider.h"
#include "service/passwords.h"
#include "service/sessions.h"
#include "support/backends.h"

namespace uppsikt::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class ExternalPeopleTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    city_ = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
    office_ = tx->add_unit(Unit{.parent_id = city_, .name = "Miljöförvaltningen", .kind = UnitKind::forvaltning});
    person_ = tx->add_user(User{.email = "anna@staden.se", .name = "Anna", .created_at = "2026-01-01T00:00:00Z"});
    tx->add_grant(Grant{person_, Role::respondent, office_});  // by hand
    tx->commit();
  }

  std::vector<Grant> grants() { return store_->begin_read()->grants(person_); }
  std::vector<Grant> rule_grants() { return store_->begin_read()->rule_grants(person_); }
  void sign_in_with(const std::vector<std::string>& groups) {
    auto tx = store_->begin();
    apply_role_rules(*tx, person_, "entra", groups, rules_, Actor{std::nullopt, "127.0.0.1"});
    tx->commit();
  }
  std::vector<std::string> audit_actions() {
    std::vector<std::string> out;
    for (const auto& e : store_->begin_read()->audit_entries({})) out.push_back(e.action);
    return out;
  }

  Id city_ = 0, office_ = 0, person_ = 0;
  const std::vector<RoleRule> rules_ = {
      {.group = "uppsikt-samordnare", .role = Role::coordinator, .unit = "Staden"},
      {.provider = "entra", .group = "uppsikt-miljo", .role = Role::respondent, .unit = "Miljöförvaltningen"},
      {.provider = "keycloak", .group = "uppsikt-samordnare", .role = Role::admin, .unit = "Staden"},
      {.group = "uppsikt-samordnare", .role = Role::reader, .unit = "Finns inte"},
  };
};

TEST_P(ExternalPeopleTest, RulesAddAndTakeAwayOnlyTheirOwnGrants) {
  sign_in_with({"uppsikt-samordnare", "uppsikt-miljo", "annat"});
  // The respondent grant was given by hand: the rule finds it held and leaves it the hand's.
  EXPECT_THAT(grants(), ElementsAre(Grant{person_, Role::coordinator, city_}, Grant{person_, Role::respondent, office_}));
  EXPECT_THAT(rule_grants(), ElementsAre(Grant{person_, Role::coordinator, city_}));
  EXPECT_THAT(audit_actions(), ElementsAre("grant_rule_add"));

  sign_in_with({});  // removed from every group at the provider
  EXPECT_THAT(grants(), ElementsAre(Grant{person_, Role::respondent, office_}));
  EXPECT_THAT(rule_grants(), IsEmpty());
  EXPECT_THAT(audit_actions(), ElementsAre("grant_rule_remove", "grant_rule_add"));
}

TEST_P(ExternalPeopleTest, AHandGrantOfARuleGrantMakesItStay) {
  sign_in_with({"uppsikt-samordnare"});
  {
    auto tx = store_->begin();
    tx->add_grant(Grant{person_, Role::coordinator, city_});
    tx->commit();
  }
  sign_in_with({});
  EXPECT_THAT(grants(), ElementsAre(Grant{person_, Role::coordinator, city_}, Grant{person_, Role::respondent, office_}));
}

TEST_P(ExternalPeopleTest, APersonIsFoundByIdentityThenByVerifiedEmailOnly) {
  const Actor actor{std::nullopt, "127.0.0.1"};
  IdTokenClaims claims{.subject = "abc", .email = "ANNA@staden.se", .email_verified = false};
  {
    auto tx = store_->begin();
    EXPECT_FALSE(find_person(*tx, "https://idp", claims, false, "", actor, "2026-01-01T00:00:00Z").user)
        << "an address the provider does not vouch for claims no account";
  }
  claims.email_verified = true;
  {
    auto tx = store_->begin();
    auto found = find_person(*tx, "https://idp", claims, false, "", actor, "2026-01-01T00:00:00Z");
    ASSERT_TRUE(found.user);
    EXPECT_EQ(found.user->id, person_);
    EXPECT_TRUE(found.linked);
    tx->commit();
  }
  claims.email = "nytt@staden.se";  // the address changed at the provider: the link still holds
  auto tx = store_->begin();
  auto found = find_person(*tx, "https://idp", claims, false, "", actor, "2026-01-02T00:00:00Z");
  ASSERT_TRUE(found.user);
  EXPECT_EQ(found.user->id, person_);
  EXPECT_FALSE(found.linked);
  // Another issuer's same subject is another person, unknown here.
  EXPECT_FALSE(find_person(*tx, "https://annan", claims, false, "", actor, "2026-01-02T00:00:00Z").user);
}

TEST_P(ExternalPeopleTest, JustInTimeCreatesAPersonWithoutRoles) {
  const Actor actor{std::nullopt, "127.0.0.1"};
  const IdTokenClaims claims{.subject = "x1", .email = "ny@staden.se", .email_verified = true, .name = "Ny Person"};
  auto tx = store_->begin();
  auto found = find_person(*tx, "https://idp", claims, true, "unusable", actor, "2026-01-01T00:00:00Z");
  ASSERT_TRUE(found.user);
  EXPECT_TRUE(found.created);
  EXPECT_EQ(found.user->name, "Ny Person");
  EXPECT_THAT(tx->grants(found.user->id), IsEmpty());
  EXPECT_TRUE(tx->external_identity("https://idp", "x1"));
}

TEST_P(ExternalPeopleTest, PasswordSignInCanBeLeftOnlyToBreakGlassAdmins) {
  {
    auto tx = store_->begin();
    tx->update_user_password(person_, hash_password("ett långt lösenord"));
    const Id admin = tx->add_user(User{.email = "nod@staden.se", .name = "Nödkonto",
                                       .password_hash = hash_password("ett långt lösenord"),
                                       .created_at = "2026-01-01T00:00:00Z"});
    tx->add_grant(Grant{admin, Role::admin, city_});
    tx->commit();
  }
  SessionOptions options{.sleep = [](auto) {}};
  options.password_only_for = std::vector<std::string>{"nod@staden.se"};
  auto refused = sign_in(*store_, "anna@staden.se", "ett långt lösenord", "127.0.0.1", "", options);
  EXPECT_EQ(refused.outcome.kind, Outcome::Kind::not_allowed);
  EXPECT_EQ(refused.outcome.message(), kPasswordSignInOff);
  EXPECT_EQ(audit_actions().front(), "sign_in_refused");
  EXPECT_THAT(store_->begin_read()->audit_entries({.limit = 1}).front().after_json, HasSubstr("password_off"));
  EXPECT_EQ(sign_in(*store_, "NOD@staden.se", "ett långt lösenord", "127.0.0.1", "", options).outcome.kind,
            Outcome::Kind::done);
  options.password_only_for.reset();  // back on for everyone
  EXPECT_EQ(sign_in(*store_, "anna@staden.se", "ett långt lösenord", "127.0.0.1", "", options).outcome.kind,
            Outcome::Kind::done);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExternalPeopleTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

// An RSA public key in JWK form (from RFC 7517 appendix A.1), under two key ids.
std::string jwks_with(const std::string& kid) {
  return R"({"keys":[{"kty":"RSA","kid":")" + kid + R"(","use":"sig","e":"AQAB","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}]})";
}

TEST(OidcProviderTest, KeysAreFetchedAgainForAnUnknownKeyIdAtMostOncePerInterval) {
  TimePoint now = TimePoint{} + std::chrono::hours(24 * 365 * 56);
  int key_fetches = 0;
  std::string current_kid = "k1";
  auto fetch = [&](const std::string& url) {
    if (url.ends_with("/.well-known/openid-configuration"))
      return HttpReply{.status = 200, .body = R"({"issuer":"https://idp","authorization_endpoint":"https://idp/a",)"
                                              R"("token_endpoint":"https://idp/t","jwks_uri":"https://idp/keys"})"};
    ++key_fetches;
    return HttpReply{.status = 200, .body = jwks_with(current_kid)};
  };
  OidcProvider provider(OidcProviderSettings{.id = "idp", .issuer = "https://idp"}, [&] { return now; }, fetch);
  ASSERT_TRUE(provider.keys());
  EXPECT_TRUE(provider.keys()->has_kid("k1"));
  EXPECT_EQ(key_fetches, 1);

  current_kid = "k2";  // the provider rotates its keys
  now += std::chrono::seconds(30);
  EXPECT_FALSE(provider.keys_for_unknown("k2")->has_kid("k2")) << "too soon: the kept keys";
  EXPECT_FALSE(provider.keys_for_unknown("made-up")->has_kid("k2"));
  EXPECT_EQ(key_fetches, 1);
  now += std::chrono::seconds(31);
  EXPECT_TRUE(provider.keys_for_unknown("k2")->has_kid("k2"));
  EXPECT_EQ(key_fetches, 2);
  EXPECT_TRUE(provider.keys_for_unknown("k2")->has_kid("k2")) << "known now: not fetched again";
  EXPECT_EQ(key_fetches, 2);
}

TEST(OidcProviderTest, ADiscoveryDocumentForAnotherIssuerIsNotUsed) {
  auto fetch = [](const std::string&) {
    return HttpReply{.status = 200, .body = R"({"issuer":"https://other","authorization_endpoint":"https://o/a",)"
                                            R"("token_endpoint":"https://o/t","jwks_uri":"https://o/k"})"};
  };
  OidcProvider provider(OidcProviderSettings{.id = "idp", .issuer = "https://idp"}, system_now, fetch);
  EXPECT_FALSE(provider.metadata());
  EXPECT_FALSE(provider.keys());
}

}  // namespace
}  // namespace uppsikt::service
