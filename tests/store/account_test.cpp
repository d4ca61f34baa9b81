// Users, grants, sessions, sign-in attempts and the audit trail, on a real database of every
// backend.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

class AccountTest : public testing::BackendTest {
 protected:
  Id add_user(const std::string& email) {
    auto tx = store_->begin();
    Id id = tx->add_user(User{.email = email, .name = "Anna Andersson", .password_hash = "$argon2id$x",
                              .created_at = "2024-05-01T08:00:00Z"});
    tx->commit();
    return id;
  }

};

INSTANTIATE_TEST_SUITE_P(Backends, AccountTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(AccountTest, SchemaIsAtTheLatestVersion) { EXPECT_EQ(store_->schema_version(), 37); }

TEST_P(AccountTest, UserRoundTripsAndEmailIsUnique) {
  const Id id = add_user("anna@example.se");
  auto tx = store_->begin();
  auto user = tx->user(id);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->email, "anna@example.se");
  EXPECT_EQ(user->name, "Anna Andersson");
  EXPECT_EQ(user->password_hash, "$argon2id$x");
  EXPECT_EQ(user->created_at, "2024-05-01T08:00:00Z");
  EXPECT_FALSE(user->disabled);
  EXPECT_EQ(tx->user_by_email("anna@example.se")->id, id);
  EXPECT_FALSE(tx->user_by_email("ingen@example.se"));
  tx->update_user_password(id, "$argon2id$y");
  EXPECT_EQ(tx->user(id)->password_hash, "$argon2id$y");
  EXPECT_THROW(tx->update_user_password(9999, "h"), StoreError);
  EXPECT_THROW(tx->add_user(User{.email = "anna@example.se", .name = "Kopia", .password_hash = "h",
                                 .created_at = "2024-05-01T08:00:00Z"}),
               StoreError);
}

TEST_P(AccountTest, GrantsAreSetsPerUser) {
  const Id anna = add_user("anna@example.se");
  auto tx = store_->begin();
  const Id city = tx->add_unit(Unit{.name = "Staden", .kind = UnitKind::kommun});
  const Id board = tx->add_unit(Unit{.parent_id = city, .name = "Nämnden", .kind = UnitKind::namnd});
  tx->add_grant(Grant{.user_id = anna, .role = Role::respondent, .unit_id = board});
  tx->add_grant(Grant{.user_id = anna, .role = Role::respondent, .unit_id = board});  // again: no change
  tx->add_grant(Grant{.user_id = anna, .role = Role::reader, .unit_id = city});
  tx->commit();
  auto read = store_->begin_read();
  auto grants = read->grants(anna);
  ASSERT_EQ(grants.size(), 2u);
  EXPECT_EQ(grants[0], (Grant{anna, Role::reader, city}));
  EXPECT_EQ(grants[1], (Grant{anna, Role::respondent, board}));
  EXPECT_EQ(read->grants_with_role(Role::reader).size(), 1u);
  EXPECT_TRUE(read->grants_with_role(Role::admin).empty());
}

TEST_P(AccountTest, SessionsAreFoundByHashTouchedAndDeleted) {
  const Id anna = add_user("anna@example.se");
  auto tx = store_->begin();
  tx->add_session(Session{.token_hash = "h1", .user_id = anna, .csrf_token = "c1",
                          .created_at = "2024-05-01T08:00:00Z", .last_seen_at = "2024-05-01T08:00:00Z"});
  tx->add_session(Session{.token_hash = "h2", .user_id = anna, .csrf_token = "c2",
                          .created_at = "2024-05-01T09:00:00Z", .last_seen_at = "2024-05-01T09:00:00Z"});
  tx->touch_session("h1", "2024-05-01T08:20:00Z");
  auto s = tx->session("h1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user_id, anna);
  EXPECT_EQ(s->csrf_token, "c1");
  EXPECT_EQ(s->created_at, "2024-05-01T08:00:00Z");
  EXPECT_EQ(s->last_seen_at, "2024-05-01T08:20:00Z");
  // Idle before 08:30 or created before 07:00: only h1 goes.
  tx->delete_expired_sessions("2024-05-01T08:30:00Z", "2024-05-01T07:00:00Z");
  EXPECT_FALSE(tx->session("h1"));
  EXPECT_TRUE(tx->session("h2"));
  tx->delete_session("h2");
  EXPECT_FALSE(tx->session("h2"));
  tx->add_session(Session{.token_hash = "h3", .user_id = anna, .csrf_token = "c3",
                          .created_at = "2024-05-01T09:00:00Z", .last_seen_at = "2024-05-01T09:00:00Z"});
  tx->delete_sessions_of(anna);
  EXPECT_FALSE(tx->session("h3"));
}

TEST_P(AccountTest, FailedLoginsCountSinceTheWindowAndTheLastSuccess) {
  auto tx = store_->begin();
  auto attempt = [&](const char* at, const char* email, const char* address, bool ok) {
    tx->add_login_attempt(LoginAttempt{.at = at, .email = email, .remote_address = address, .succeeded = ok});
  };
  attempt("2024-05-01T08:00:00Z", "anna@example.se", "10.0.0.1", false);
  attempt("2024-05-01T08:01:00Z", "anna@example.se", "10.0.0.1", true);
  attempt("2024-05-01T08:02:00Z", "anna@example.se", "10.0.0.1", false);
  attempt("2024-05-01T08:03:00Z", "anna@example.se", "10.0.0.2", false);
  attempt("2024-05-01T08:04:00Z", "bo@example.se", "10.0.0.1", false);
  auto by_email = tx->failed_logins_by_email("anna@example.se", "2024-05-01T07:00:00Z");
  EXPECT_EQ(by_email.count, 2);  // the one before the success does not count
  EXPECT_EQ(by_email.latest, "2024-05-01T08:03:00Z");
  EXPECT_EQ(tx->failed_logins_by_email("anna@example.se", "2024-05-01T08:03:00Z").count, 1);
  auto by_address = tx->failed_logins_by_address("10.0.0.1", "2024-05-01T07:00:00Z");
  EXPECT_EQ(by_address.count, 3);  // a success does not clear an address
  EXPECT_EQ(by_address.latest, "2024-05-01T08:04:00Z");
  // Times have whole seconds: failures in the second of a success still count after it.
  attempt("2024-05-01T09:00:00Z", "cilla@example.se", "10.0.0.3", false);
  attempt("2024-05-01T09:00:00Z", "cilla@example.se", "10.0.0.3", true);
  attempt("2024-05-01T09:00:00Z", "cilla@example.se", "10.0.0.3", false);
  attempt("2024-05-01T09:00:00Z", "cilla@example.se", "10.0.0.3", false);
  EXPECT_EQ(tx->failed_logins_by_email("cilla@example.se", "2024-05-01T07:00:00Z").count, 2);
  auto none = tx->failed_logins_by_email("ingen@example.se", "2024-05-01T07:00:00Z");
  EXPECT_EQ(none.count, 0);
  EXPECT_EQ(none.latest, "");
}

TEST_P(AccountTest, AuditRowsRoundTripAndFilter) {
  const Id anna = add_user("anna@example.se");
  auto tx = store_->begin();
  const Id unit = tx->add_unit(Unit{.name = "Nämnden", .kind = UnitKind::namnd});
  tx->add_audit(AuditEntry{.at = "2024-05-01T08:00:00Z", .action = "sign_in_failed",
                           .after_json = R"({"email":"x@example.se"})", .remote_address = "10.0.0.1"});
  const Id second = tx->add_audit(AuditEntry{.at = "2024-05-01T09:00:00Z", .user_id = anna, .unit_id = unit,
                                             .action = "grant_add", .entity = "grant", .entity_id = unit,
                                             .before_json = "", .after_json = R"({"role":"reader"})"});
  tx->commit();
  auto read = store_->begin_read();
  auto all = read->audit_entries({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second);  // newest first
  EXPECT_EQ(all[0].user_id, anna);
  EXPECT_EQ(all[0].unit_id, unit);
  EXPECT_EQ(all[0].entity, "grant");
  EXPECT_EQ(all[0].entity_id, unit);
  EXPECT_EQ(all[0].after_json, R"({"role":"reader"})");
  EXPECT_FALSE(all[1].user_id);
  EXPECT_FALSE(all[1].unit_id);
  EXPECT_EQ(all[1].remote_address, "10.0.0.1");
  EXPECT_EQ(read->audit_entries({.user_id = anna}).size(), 1u);
  EXPECT_EQ(read->audit_entries({.unit_id = unit}).size(), 1u);
  EXPECT_EQ(read->audit_entries({.from = "2024-05-01T08:30:00Z"}).size(), 1u);
  EXPECT_EQ(read->audit_entries({.to = "2024-05-01T08:30:00Z"}).size(), 1u);
  EXPECT_EQ(read->audit_entries({.user_id = anna, .from = "2024-05-01T09:30:00Z"}).size(), 0u);
}

TEST_P(AccountTest, AuditRowsFilterBySeveralUnitsAndPageNewestFirst) {
  auto tx = store_->begin();
  const Id a = tx->add_unit(Unit{.name = "A", .kind = UnitKind::namnd});
  const Id b = tx->add_unit(Unit{.name = "B", .kind = UnitKind::namnd});
  const Id c = tx->add_unit(Unit{.name = "C", .kind = UnitKind::namnd});
  // Two rows share a time: the id orders them.
  tx->add_audit(AuditEntry{.at = "2024-05-01T08:00:00Z", .unit_id = a, .action = "a1"});
  tx->add_audit(AuditEntry{.at = "2024-05-01T09:00:00Z", .action = "none"});
  tx->add_audit(AuditEntry{.at = "2024-05-01T10:00:00Z", .unit_id = b, .action = "b1"});
  tx->add_audit(AuditEntry{.at = "2024-05-01T10:00:00Z", .unit_id = a, .action = "a2"});
  tx->add_audit(AuditEntry{.at = "2024-05-01T11:00:00Z", .unit_id = c, .action = "c1"});
  tx->commit();
  auto read = store_->begin_read();
  auto actions = [&read](const Tx::AuditFilter& filter) {
    std::string out;
    for (const auto& e : read->audit_entries(filter)) out += (out.empty() ? "" : " ") + e.action;
    return out;
  };
  EXPECT_EQ(actions({.unit_ids = std::vector<Id>{a, b}}), "a2 b1 a1");
  EXPECT_EQ(actions({.unit_ids = std::vector<Id>{a}, .with_no_unit = true}), "a2 none a1");
  EXPECT_EQ(actions({.unit_ids = std::vector<Id>{}}), "");
  EXPECT_EQ(actions({.unit_ids = std::vector<Id>{}, .with_no_unit = true}), "none");
  EXPECT_EQ(actions({.unit_ids = std::vector<Id>{a, b}, .from = "2024-05-01T09:30:00Z"}), "a2 b1");

  // Page by page, two rows a page, each page after the previous page's last row.
  std::vector<std::string> pages;
  Tx::AuditFilter filter{.limit = 2};
  for (int page = 0; page < 4; ++page) {
    auto rows = read->audit_entries(filter);
    if (rows.empty()) break;
    std::string text;
    for (const auto& e : rows) text += (text.empty() ? "" : " ") + e.action;
    pages.push_back(text);
    filter.before_at = rows.back().at;
    filter.before_id = rows.back().id;
  }
  EXPECT_EQ(pages, (std::vector<std::string>{"c1 a2", "b1 none", "a1"}));
}

TEST_P(AccountTest, AnAuditRowGoesWithItsRolledBackChange) {
  {
    auto tx = store_->begin();
    tx->add_user(User{.email = "x@example.se", .name = "X", .password_hash = "h", .created_at = "t"});
    tx->add_audit(AuditEntry{.at = "2024-05-01T08:00:00Z", .action = "user_add"});
  }  // no commit
  auto read = store_->begin_read();
  EXPECT_TRUE(read->audit_entries({}).empty());
  EXPECT_TRUE(read->users().empty());
}

TEST_P(AccountTest, UploadsKeepTheirBytesAndBelongToTheirUploader) {
  const Id anna = add_user("anna@example.se");
  const Id bo = add_user("bo@example.se");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);  // NUL and every other byte
  for (std::size_t n : {0u, 1u, 2u, 3u, 4u}) {
    auto tx = store_->begin();
    tx->add_upload(Upload{.token_hash = "t" + std::to_string(n), .user_id = anna, .file_name = "å.txt",
                          .bytes = bytes.substr(0, n), .created_at = "2024-05-01T08:00:00Z"});
    tx->commit();
    EXPECT_EQ(store_->begin_read()->uploads("t" + std::to_string(n), anna).at(0).bytes, bytes.substr(0, n));
  }
  auto tx = store_->begin();
  tx->add_upload(Upload{.token_hash = "t", .user_id = anna, .file_name = "Miljö.docx", .bytes = bytes,
                        .created_at = "2024-05-01T08:00:00Z"});
  tx->add_upload(Upload{.token_hash = "t", .user_id = anna, .file_name = "b.pdf", .bytes = "%PDF",
                        .created_at = "2024-05-02T08:00:00Z"});
  auto mine = tx->uploads("t", anna);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].file_name, "Miljö.docx");
  EXPECT_EQ(mine[0].bytes, bytes);
  EXPECT_EQ(mine[1].bytes, "%PDF");
  EXPECT_TRUE(tx->uploads("t", bo).empty());
  tx->delete_uploads_before("2024-05-02T00:00:00Z");
  ASSERT_EQ(tx->uploads("t", anna).size(), 1u);
  EXPECT_EQ(tx->uploads("t", anna)[0].file_name, "b.pdf");
}

}  // namespace
}  // namespace uppsikt::store
