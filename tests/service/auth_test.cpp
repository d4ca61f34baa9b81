// Passwords, sign-in, throttling, sessions and permissions on the demo city, on a real
// database of every backend. Time is a test clock; throttling's waits are recorded, not slept.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "report/json_renderer.h"
#include "service/demo.h"
#include "service/demo_accounts.h"
#include "service/overview.h"
#include "service/report_data.h"
#include "service/web_import.h"
#include "service/passwords.h"
#include "service/response_view.h"
#include "service/sessions.h"
#include "service/tokens.h"
#include "support/backends.h"
#include "support/fixture.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using namespace std::chrono_literals;

TEST(PasswordPolicy, LengthIsCountedInCharactersFrom12To128) {
  EXPECT_TRUE(password_problem("elva tecken"));              // 11
  EXPECT_FALSE(password_problem("tolv tecken!"));            // 12
  EXPECT_TRUE(password_problem("ååååååååååå"));              // 11 characters, 22 bytes
  EXPECT_FALSE(password_problem("åäöåäöåäöåäö"));
  EXPECT_FALSE(password_problem(std::string(128, 'k')));
  EXPECT_EQ(*password_problem(std::string(129, 'k')), "Lösenordet får ha högst 128 tecken.");
  EXPECT_EQ(*password_problem("kort"), "Lösenordet måste ha minst 12 tecken.");
}

TEST(PasswordPolicy, CommonPasswordsAreRefusedWhateverTheCase) {
  EXPECT_TRUE(password_problem("password1234"));
  EXPECT_TRUE(password_problem("QWERTY123456"));
  EXPECT_TRUE(password_problem("Lösenord1234"));
  EXPECT_THAT(password_problem("passwordpassword").value_or(""), ::testing::HasSubstr("vanligaste"));
  EXPECT_FALSE(password_problem("korrekt häst batteri häftklammer"));
}

TEST(PasswordHash, IsArgon2idWith19MiBAndTwoPasses) {
  const auto hash = hash_password("korrekt häst batteri");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_THAT(hash, HasSubstr("m=19456,t=2")) << hash;
  EXPECT_TRUE(verify_password(hash, "korrekt häst batteri"));
  EXPECT_FALSE(verify_password(hash, "korrekt häst batteri "));
  EXPECT_FALSE(verify_password("inte en hash", "x"));
  EXPECT_NE(hash_password("korrekt häst batteri"), hash);  // a new salt each time
}

TEST(Tokens, AreRandomHashedAndComparedWhole) {
  const auto a = random_token();
  const auto b = random_token();
  EXPECT_NE(a, b);
  EXPECT_TRUE(looks_like_token(a));
  EXPECT_FALSE(looks_like_token(a.substr(1)));
  EXPECT_FALSE(looks_like_token(std::string(64, 'G')));
  EXPECT_EQ(hash_token(a).size(), 64u);
  EXPECT_NE(hash_token(a), a);
  EXPECT_EQ(hash_token(a), hash_token(a));
  EXPECT_TRUE(tokens_equal(a, std::string(a)));
  EXPECT_FALSE(tokens_equal(a, b));
  EXPECT_FALSE(tokens_equal(a, a.substr(0, 63)));
  EXPECT_FALSE(tokens_equal("", ""));  // no token never matches no token
}

class AuthTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    build_demo(*store_, testing::seed_followup());
    add_demo_accounts(*store_);
    options_.clock = [this] { return now_; };
    options_.sleep = [this](std::chrono::milliseconds ms) { waits_.push_back(ms); };
  }

  SignInResult sign_in_as(const std::string& email, const std::string& password,
                          const std::string& address = "10.0.0.1") {
    return sign_in(*store_, email, password, address, "", options_);
  }
  Id round_named(const std::string& name) { return store_->begin_read()->round_by_name(name)->id; }
  Id unit_named(const std::string& name) { return store_->begin_read()->unit_by_name(name)->id; }
  Viewer viewer_of(const std::string& email, const std::string& password) {
    auto result = sign_in_as(email, password);
    EXPECT_EQ(result.outcome.kind, Outcome::Kind::done);
    return resume_session(*store_, result.token, options_).value().viewer;
  }
  bool audited(const std::string& action) {
    auto actions = audit_actions();
    return std::find(actions.begin(), actions.end(), action) != actions.end();
  }
  std::vector<std::string> audit_actions() {
    std::vector<std::string> out;
    for (const auto& e : store_->begin_read()->audit_entries({})) out.push_back(e.action);
    return out;
  }

  SessionOptions options_;
  TimePoint now_ = *from_iso("2024-11-25T09:00:00Z");
  std::vector<std::chrono::milliseconds> waits_;
};

INSTANTIATE_TEST_SUITE_P(Backends, AuthTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(AuthTest, WrongEmailAndWrongPasswordGiveTheSameMessage) {
  auto unknown = sign_in_as("ingen@demo.uppsikt.se", "demo-admin");
  auto wrong = sign_in_as("admin@demo.uppsikt.se", "demo-fel");
  EXPECT_EQ(unknown.outcome.kind, Outcome::Kind::not_allowed);
  EXPECT_EQ(wrong.outcome.kind, Outcome::Kind::not_allowed);
  EXPECT_EQ(unknown.outcome.message(), wrong.outcome.message());
  EXPECT_EQ(wrong.outcome.message(), "Fel e-postadress eller lösenord.");
  EXPECT_TRUE(unknown.token.empty());
  auto actions = audit_actions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "sign_in_failed"), 2);
}

TEST_P(AuthTest, RightPasswordStartsASessionWithANewTokenEachTime) {
  auto first = sign_in_as("  Admin@Demo.Uppsikt.se ", "demo-admin");  // e-mail is case-blind
  ASSERT_EQ(first.outcome.kind, Outcome::Kind::done);
  auto signed_in = resume_session(*store_, first.token, options_);
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->viewer.email, "admin@demo.uppsikt.se");
  EXPECT_EQ(signed_in->csrf_token.size(), 64u);
  // Signing in again from the same browser replaces the old session.
  auto second = sign_in(*store_, "admin@demo.uppsikt.se", "demo-admin", "10.0.0.1", first.token, options_);
  ASSERT_EQ(second.outcome.kind, Outcome::Kind::done);
  EXPECT_NE(second.token, first.token);
  EXPECT_FALSE(resume_session(*store_, first.token, options_));
  EXPECT_TRUE(resume_session(*store_, second.token, options_));
  // Only the hash is stored.
  EXPECT_FALSE(store_->begin_read()->session(second.token));
  EXPECT_TRUE(store_->begin_read()->session(hash_token(second.token)));
  EXPECT_TRUE(audited("sign_in"));
}

TEST_P(AuthTest, SignOutEndsTheSessionOnTheServer) {
  auto result = sign_in_as("svarande@demo.uppsikt.se", "demo-respondent");
  auto signed_in = resume_session(*store_, result.token, options_);
  ASSERT_TRUE(signed_in);
  sign_out(*store_, result.token, Actor{signed_in->viewer.user_id, "10.0.0.1"});
  EXPECT_FALSE(resume_session(*store_, result.token, options_));
  EXPECT_FALSE(store_->begin_read()->session(hash_token(result.token)));
}

TEST_P(AuthTest, SessionsExpireWhenIdle) {
  auto result = sign_in_as("lasare@demo.uppsikt.se", "demo-reader");
  now_ += 29min;
  EXPECT_TRUE(resume_session(*store_, result.token, options_));  // and seen again now
  now_ += 29min;
  EXPECT_TRUE(resume_session(*store_, result.token, options_));
  now_ += 30min;
  EXPECT_FALSE(resume_session(*store_, result.token, options_));
  EXPECT_FALSE(store_->begin_read()->session(hash_token(result.token)));  // deleted
}

TEST_P(AuthTest, SessionsExpireAfterTheAbsoluteLimitHoweverBusy) {
  options_.absolute = 2h;  // settable
  auto result = sign_in_as("lasare@demo.uppsikt.se", "demo-reader");
  for (int i = 0; i < 7; ++i) {
    now_ += 17min;
    EXPECT_TRUE(resume_session(*store_, result.token, options_)) << i;
  }
  now_ += 1min;  // 2 h after sign-in
  EXPECT_FALSE(resume_session(*store_, result.token, options_));
}

TEST_P(AuthTest, RepeatedFailuresSlowDownThenPauseAnAccount) {
  options_.account_slow_after = 2;
  options_.account_refuse_after = 4;
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(sign_in_as("samordnare@demo.uppsikt.se", "fel lösenord").outcome.kind, Outcome::Kind::not_allowed);
  EXPECT_EQ(waits_, (std::vector<std::chrono::milliseconds>{1000ms, 2000ms}));
  // Paused now from that address, even with the right password.
  auto paused = sign_in_as("samordnare@demo.uppsikt.se", "demo-coordinator");
  EXPECT_EQ(paused.outcome.kind, Outcome::Kind::not_allowed);
  EXPECT_EQ(paused.retry_minutes, 15);
  EXPECT_EQ(paused.outcome.message(), "För många misslyckade inloggningar. Försök igen om 15 minuter.");
  now_ += 14min;
  EXPECT_EQ(sign_in_as("samordnare@demo.uppsikt.se", "demo-coordinator").retry_minutes, 1);
  now_ += 1min;
  EXPECT_EQ(sign_in_as("samordnare@demo.uppsikt.se", "demo-coordinator").outcome.kind,
            Outcome::Kind::done);
  EXPECT_TRUE(audited("sign_in_throttled"));
}

TEST_P(AuthTest, FailuresFromOtherAddressesSlowAnAccountButNeverLockItsOwnerOut) {
  options_.account_slow_after = 2;
  options_.account_refuse_after = 4;
  for (int i = 0; i < 8; ++i)  // a guesser spreading tries over made-up addresses
    EXPECT_EQ(sign_in_as("samordnare@demo.uppsikt.se", "fel lösenord", "203.0.113." + std::to_string(i)).outcome.kind,
              Outcome::Kind::not_allowed);
  waits_.clear();
  EXPECT_EQ(sign_in_as("samordnare@demo.uppsikt.se", "demo-coordinator", "198.51.100.7").outcome.kind,
            Outcome::Kind::done);
  ASSERT_EQ(waits_.size(), 1u);  // slowed down, as every try on the account now is
  EXPECT_EQ(waits_[0], 5000ms);
}

TEST_P(AuthTest, RepeatedFailuresFromOneAddressPauseEveryAccountFromIt) {
  options_.address_refuse_after = 3;
  for (const char* email : {"a@x.se", "b@x.se", "c@x.se"}) sign_in_as(email, "fel lösenord", "10.6.6.6");
  EXPECT_GT(sign_in_as("admin@demo.uppsikt.se", "demo-admin", "10.6.6.6").retry_minutes, 0);  // paused
  EXPECT_EQ(sign_in_as("admin@demo.uppsikt.se", "demo-admin", "10.0.0.2").outcome.kind,
            Outcome::Kind::done);
}

TEST_P(AuthTest, ARespondentSeesOnlyTheirUnitsResponses) {
  const Viewer respondent = viewer_of("svarande@demo.uppsikt.se", "demo-respondent");
  const Id round = round_named("Uppföljning 2024");
  auto view = round_view(*store_, respondent, round, UnitSort::name, false);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->units.size(), 1u);
  EXPECT_EQ(view->units[0].unit.name, "Miljöförvaltningen");
  EXPECT_EQ(view->progress.total, 1);
  EXPECT_TRUE(response_view(*store_, respondent, round, unit_named("Miljöförvaltningen")));
  EXPECT_FALSE(response_view(*store_, respondent, round, unit_named("Kulturförvaltningen")));
  auto refusals = store_->begin_read()->audit_entries({.unit_id = unit_named("Kulturförvaltningen")});
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].action, "refused");
  EXPECT_EQ(refusals[0].user_id, respondent.user_id);
}

TEST_P(AuthTest, AnApproverSeesTheUnitsUnderTheirCommittee) {
  const Viewer approver = viewer_of("godkannare@demo.uppsikt.se", "demo-approver");
  auto view = round_view(*store_, approver, round_named("Uppföljning 2024"), UnitSort::name, false);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->units.size(), 1u);
  EXPECT_EQ(view->units[0].unit.name, "Miljöförvaltningen");
}

TEST_P(AuthTest, CoordinatorsAndAdminsSeeEveryUnitReadersOnlyPublishedRounds) {
  const Id open_round = round_named("Uppföljning 2024");
  const Id published = round_named("Uppföljning 2023");
  const auto all = round_view(*store_, open_round, UnitSort::name, false)->units.size();
  for (auto [email, password] : {std::pair{"admin@demo.uppsikt.se", "demo-admin"},
                                 std::pair{"samordnare@demo.uppsikt.se", "demo-coordinator"}})
    EXPECT_EQ(round_view(*store_, viewer_of(email, password), open_round, UnitSort::name, false)->units.size(), all)
        << email;
  const Viewer reader = viewer_of("lasare@demo.uppsikt.se", "demo-reader");
  EXPECT_TRUE(round_view(*store_, reader, open_round, UnitSort::name, false)->units.empty());
  EXPECT_FALSE(round_view(*store_, reader, published, UnitSort::name, false)->units.empty());
  EXPECT_FALSE(response_view(*store_, reader, open_round, unit_named("Miljöförvaltningen")));
  EXPECT_TRUE(response_view(*store_, reader, published, unit_named("Miljöförvaltningen")));
}

TEST_P(AuthTest, AnotherTownsRoundIsMissingForEveryRoleOfTheCity) {
  Id foreign = 0;
  {
    auto tx = store_->begin();
    const Id town = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
    const Id committee = tx->add_unit(Unit{.parent_id = town, .name = "Grannämnden", .kind = UnitKind::namnd});
    foreign = tx->add_round(Round{.name = "Grannstadens uppföljning", .year = 2023, .status = RoundStatus::published,
                                  .unit_id = town});
    tx->add_response(Response{.round_id = foreign, .unit_id = committee, .status = ResponseStatus::submitted});
    tx->commit();
  }
  for (const auto& account : demo_accounts()) {
    const Viewer viewer = viewer_of(account.email, account.password);
    EXPECT_FALSE(round_view(*store_, viewer, foreign, UnitSort::name, false)) << account.email;
    EXPECT_FALSE(compiled_report(*store_, viewer, foreign, {})) << account.email;
    for (const auto& s : round_summaries(*store_, viewer)) EXPECT_NE(s.round.id, foreign) << account.email;
    for (const auto& r : import_rounds(*store_, viewer)) EXPECT_NE(r.id, foreign) << account.email;
    EXPECT_TRUE(round_view(*store_, viewer, round_named("Uppföljning 2024"), UnitSort::name, false)) << account.email;
  }
  // The city's report history leaves it out too, though it is an earlier year.
  const Viewer admin = viewer_of("admin@demo.uppsikt.se", "demo-admin");
  auto report = compiled_report(*store_, admin, round_named("Uppföljning 2024"), {});
  ASSERT_TRUE(report);
  EXPECT_THAT(report::render_json(*report), Not(HasSubstr("Grannstadens")));
}

}  // namespace
}  // namespace uppsikt::service
