// Publishing a round's compiled report on every backend: who may publish and withdraw, the
// audit rows written with each change, refusals that change nothing, comments left out
// when published without them, and drafts never counted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "service/demo.h"
#include "service/report_data.h"
#include "service/response_view.h"
#include "service/report_publishing.h"
#include "support/backends.h"
#include "support/fixture.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;

class ReportPublishingTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    build_demo(*store_, testing::seed_followup());
    auto tx = store_->begin();
    round_ = tx->round_by_name("Uppföljning 2024")->id;
    earlier_ = tx->round_by_name("Uppföljning 2023")->id;
    root_ = tx->unit_by_name("Göteborgs Stad")->id;
    nämnd_ = tx->unit_by_name("Miljö- och klimatnämnden")->id;
  }

  // Someone holding `role` on `unit`, as a stored user (audit rows name them).
  Viewer viewer(Role role, Id unit) {
    auto tx = store_->begin();
    const std::string email = "p" + std::to_string(++users_) + "@x.se";
    const Id id = tx->add_user(User{.email = email, .name = "P", .password_hash = "x", .created_at = "2024-01-01T00:00:00Z"});
    tx->commit();
    return Viewer{.user_id = id, .name = "P", .email = email, .grants = {{id, role, unit}}, .remote_address = "192.0.2.7"};
  }
  std::vector<AuditEntry> audits() { return store_->begin_read()->audit_entries({}); }

  Id round_ = 0, earlier_ = 0, root_ = 0, nämnd_ = 0;
  int users_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, ReportPublishingTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(ReportPublishingTest, ACoordinatorPublishesWithAnAuditRowAndAnyoneReadsIt) {
  const auto coordinator = viewer(Role::coordinator, root_);
  EXPECT_TRUE(may_publish(*store_, coordinator, round_));
  EXPECT_FALSE(published_report(*store_, round_)) << "not published yet";

  ASSERT_TRUE(publish_report(*store_, coordinator, round_, false).ok());
  const auto p = publication(*store_, round_);
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->with_comments);
  EXPECT_EQ(p->published_by, coordinator.user_id);
  const auto entry = audits().front();
  EXPECT_EQ(entry.action, "report_publish");
  EXPECT_EQ(entry.entity, "round");
  EXPECT_EQ(entry.entity_id, round_);
  EXPECT_EQ(entry.user_id, coordinator.user_id);
  EXPECT_EQ(entry.remote_address, "192.0.2.7");
  EXPECT_EQ(entry.before_json, "");
  EXPECT_THAT(entry.after_json, HasSubstr("\"with_comments\":false"));

  const auto report = published_report(*store_, round_);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->with_comments);
  EXPECT_EQ(report->scope, "Hela organisationen");
  for (const auto& s : report->sections)
    for (const auto& q : s.questions)
      for (const auto& a : q.answers) EXPECT_EQ(a.comment, "") << "published without comments";
  const auto listed = published_rounds(*store_);
  ASSERT_EQ(listed.size(), 2u) << "2024 and the demo's 2023";
  EXPECT_EQ(listed[0].name, "Uppföljning 2024");
}

// Readers inside the system see a round published without comments as the public does.
TEST_P(ReportPublishingTest, ReadersSeeARoundPublishedWithoutCommentsWithoutThem) {
  const auto coordinator = viewer(Role::coordinator, root_);
  const auto reader = viewer(Role::reader, root_);
  ASSERT_TRUE(publish_report(*store_, coordinator, earlier_, false).ok());
  auto comments_in = [](const report::CompiledReport& r) {
    int n = 0;
    for (const auto& s : r.sections)
      for (const auto& q : s.questions)
        for (const auto& a : q.answers) n += !a.comment.empty();
    return n;
  };
  auto as_reader = compiled_report(*store_, reader, earlier_, {});
  auto as_coordinator = compiled_report(*store_, coordinator, earlier_, {});
  ASSERT_TRUE(as_reader && as_coordinator);
  EXPECT_EQ(comments_in(*as_reader), 0);
  EXPECT_FALSE(as_reader->with_comments);
  EXPECT_GT(comments_in(*as_coordinator), 0);

  const Id unit = store_->begin_read()->unit_by_name("Miljöförvaltningen")->id;
  auto unit_comments = [](const report::UnitReport& r) {
    int n = 0;
    for (const auto& s : r.sections)
      for (const auto& a : s.answers) n += !a.comment.empty();
    return n;
  };
  auto reader_unit = unit_report(*store_, reader, earlier_, unit);
  ASSERT_TRUE(reader_unit);
  EXPECT_EQ(unit_comments(*reader_unit), 0);
  EXPECT_GT(unit_comments(*unit_report(*store_, coordinator, earlier_, unit)), 0);
  auto page = response_view(*store_, reader, earlier_, unit);
  ASSERT_TRUE(page);
  for (const auto& block : page->blocks)
    for (const auto& q : block.questions) EXPECT_TRUE(!q.answer || q.answer->comment.empty());

  // Published with comments, readers see them.
  ASSERT_TRUE(publish_report(*store_, coordinator, earlier_, true).ok());
  EXPECT_GT(comments_in(*compiled_report(*store_, reader, earlier_, {})), 0);
}

TEST_P(ReportPublishingTest, PublishingAgainWithCommentsReplacesTheChoice) {
  const auto coordinator = viewer(Role::coordinator, root_);
  ASSERT_TRUE(publish_report(*store_, coordinator, round_, false).ok());
  ASSERT_TRUE(publish_report(*store_, coordinator, round_, true).ok());
  EXPECT_TRUE(publication(*store_, round_)->with_comments);
  EXPECT_THAT(audits().front().before_json, HasSubstr("\"with_comments\":false"));
  bool any_comment = false;
  const auto report = published_report(*store_, round_);  // outlives the loop below
  ASSERT_TRUE(report.has_value());
  for (const auto& s : report->sections)
    for (const auto& q : s.questions)
      for (const auto& a : q.answers) any_comment = any_comment || !a.comment.empty();
  EXPECT_TRUE(any_comment);
}

TEST_P(ReportPublishingTest, APublicationIsFrozenAndPublishingAgainMakesANewVersion) {
  const auto coordinator = viewer(Role::coordinator, root_);
  ASSERT_TRUE(publish_report(*store_, coordinator, round_, false).ok());
  const auto first = published_report(*store_, round_);
  ASSERT_TRUE(first);
  const auto published_at = publication(*store_, round_)->published_at;
  EXPECT_EQ(first->generated_at, published_at) << "dated by the publishing, not the reading";

  // One more unit hands in after publishing: the published numbers do not move.
  {
    auto tx = store_->begin();
    for (const auto& r : tx->responses(round_)) {
      if (r.status != ResponseStatus::draft) continue;
      tx->update_response_status(r.id, ResponseStatus::approved, r.version, "2026-12-06T07:00:00Z");
      break;
    }
    tx->commit();
  }
  const auto still = published_report(*store_, round_);
  ASSERT_TRUE(still);
  EXPECT_EQ(still->units_handed_in, first->units_handed_in);
  EXPECT_EQ(still->generated_at, published_at);

  ASSERT_TRUE(publish_report(*store_, coordinator, round_, true).ok());
  const auto versions = published_versions(*store_, round_);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[1].version, 2);
  EXPECT_FALSE(versions[0].with_comments);
  EXPECT_TRUE(versions[1].with_comments);
  EXPECT_EQ(published_report(*store_, round_)->units_handed_in, first->units_handed_in + 1) << "the latest";
  const auto old = published_report(*store_, round_, UnitListing::up_to_limit, 1);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->units_handed_in, first->units_handed_in) << "version 1 stays as it was";
  EXPECT_FALSE(old->with_comments);
  EXPECT_FALSE(published_report(*store_, round_, UnitListing::up_to_limit, 3)) << "no such version";
  EXPECT_THAT(audits().front().after_json, HasSubstr("\"version\":2"));
}

TEST_P(ReportPublishingTest, OnlyHandedInAnswersAreCountedNeverDrafts) {
  ASSERT_TRUE(publish_report(*store_, viewer(Role::coordinator, root_), round_, true).ok());
  const auto report = published_report(*store_, round_);
  ASSERT_TRUE(report);
  int handed_in = 0;
  {
    auto tx = store_->begin_read();
    for (const auto& r : tx->responses(round_))
      if (r.status == ResponseStatus::submitted || r.status == ResponseStatus::approved) ++handed_in;
  }
  EXPECT_EQ(report->units_handed_in, handed_in);
  EXPECT_LT(handed_in, report->units_asked) << "the demo has drafts in 2024";
  for (const auto& s : report->sections)
    for (const auto& q : s.questions) EXPECT_LE(q.answered, handed_in);
}

TEST_P(ReportPublishingTest, WithdrawingHidesTheReportAndIsAudited) {
  const auto coordinator = viewer(Role::coordinator, root_);
  ASSERT_TRUE(publish_report(*store_, coordinator, round_, true).ok());
  ASSERT_TRUE(withdraw_report(*store_, coordinator, round_).ok());
  EXPECT_FALSE(publication(*store_, round_));
  EXPECT_FALSE(published_report(*store_, round_));
  const auto entry = audits().front();
  EXPECT_EQ(entry.action, "report_withdraw");
  EXPECT_EQ(entry.entity_id, round_);
  EXPECT_THAT(entry.before_json, HasSubstr("\"with_comments\":true"));
  EXPECT_EQ(entry.after_json, "");

  const auto size = audits().size();
  auto again = withdraw_report(*store_, coordinator, round_);
  EXPECT_EQ(again.kind, Outcome::Kind::invalid) << "nothing to withdraw";
  ASSERT_EQ(again.errors.size(), 1u);
  EXPECT_EQ(again.errors[0].message, "Sammanställningen är inte publicerad.");
  EXPECT_EQ(audits().size(), size) << "a refused withdrawal writes nothing";
}

TEST_P(ReportPublishingTest, OthersAreRefusedAuditedAndChangeNothing) {
  const auto before = audits().size();
  for (const auto& who : {viewer(Role::coordinator, nämnd_), viewer(Role::reader, root_),
                          viewer(Role::respondent, root_), viewer(Role::approver, root_)}) {
    EXPECT_FALSE(may_publish(*store_, who, round_));
    EXPECT_EQ(publish_report(*store_, who, round_, false).kind, Outcome::Kind::not_found);
    EXPECT_EQ(withdraw_report(*store_, who, earlier_).kind, Outcome::Kind::not_found);
  }
  EXPECT_FALSE(publication(*store_, round_));
  EXPECT_TRUE(publication(*store_, earlier_)) << "the demo's 2023 stays published";
  const auto entries = audits();
  ASSERT_EQ(entries.size(), before + 8) << "each refusal audited on its own";
  EXPECT_EQ(entries.front().action, "refused");
}

TEST_P(ReportPublishingTest, TrendsShowOnlyRoundsThatArePublishedToo) {
  const auto coordinator = viewer(Role::coordinator, root_);
  ASSERT_TRUE(publish_report(*store_, coordinator, round_, false).ok());
  auto trends = [&] {
    int points = 0;
    const auto report = published_report(*store_, round_);  // outlives the loop below
    for (const auto& s : report->sections)
      for (const auto& q : s.questions) points += static_cast<int>(q.trend.size());
    return points;
  };
  EXPECT_GT(trends(), 0) << "2023 is published";
  ASSERT_TRUE(withdraw_report(*store_, coordinator, earlier_).ok());
  EXPECT_EQ(trends(), 0) << "2023's numbers are no longer public, not even in a frozen version";
}

TEST_P(ReportPublishingTest, AnAdminMayPublishAMissingRoundIsNotFound) {
  const auto admin = viewer(Role::admin, root_);
  EXPECT_TRUE(publish_report(*store_, admin, round_, true).ok());
  const auto before = audits().size();
  EXPECT_EQ(publish_report(*store_, admin, 999999, true).kind, Outcome::Kind::not_found);
  EXPECT_EQ(audits().size(), before) << "a missing round is no refusal";
}

TEST_P(ReportPublishingTest, BadInputIsRefusedWithASwedishMessageAndWritesNothing) {
  const auto coordinator = viewer(Role::coordinator, root_);
  const auto before = audits().size();
  auto unchosen = publish_report(*store_, coordinator, round_, std::nullopt);
  ASSERT_EQ(unchosen.kind, Outcome::Kind::invalid);
  EXPECT_EQ(unchosen.errors[0].field, "kommentarer");
  EXPECT_EQ(unchosen.errors[0].message, "Välj om sammanställningen ska publiceras med eller utan kommentarer.");

  Id draft = 0;
  {
    auto tx = store_->begin();
    draft = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025, .status = RoundStatus::draft, .unit_id = root_});
    tx->commit();
  }
  EXPECT_EQ(publish_report(*store_, viewer(Role::admin, root_), draft, true).kind, Outcome::Kind::invalid);
  EXPECT_FALSE(publication(*store_, round_));
  EXPECT_FALSE(publication(*store_, draft));
  EXPECT_EQ(audits().size(), before);
}

}  // namespace
}  // namespace uppsikt::service
