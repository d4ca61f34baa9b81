// The national demo at a small scale, on a real database of every backend.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "service/demo_accounts.h"
#include "service/demo_national.h"
#include "support/backends.h"
#include "support/table_contents.h"

namespace uppsikt::service {
namespace {

constexpr int kMunicipalities = 3;

class NationalDemoTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    summary_ = build_national_demo(*store_, NationalOptions{.municipalities = kMunicipalities},
                                   [&](int done, int total, long long) { progress_.emplace_back(done, total); });
  }

  NationalSummary summary_;
  std::vector<std::pair<int, int>> progress_;
};

INSTANTIATE_TEST_SUITE_P(Backends, NationalDemoTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

TEST_P(NationalDemoTest, SwedenHasTwentyOneRegionsAndEachMunicipalityThirtyToFiftyUnits) {
  auto tx = store_->begin_read();
  const auto units = tx->units();
  EXPECT_EQ(static_cast<int>(units.size()), summary_.units);
  std::map<Id, int> children;
  for (const auto& u : units)
    if (u.parent_id) ++children[*u.parent_id];
  const auto sweden = tx->unit_by_name("Sverige");
  ASSERT_TRUE(sweden);
  EXPECT_EQ(children[sweden->id], 21);
  ASSERT_TRUE(tx->unit_by_name("Skåne län"));
  // Round the regions: the first three municipalities lie in three regions.
  int municipalities = 0;
  for (const auto& u : units) {
    if (u.kind != UnitKind::kommun) continue;
    ++municipalities;
    std::set<Id> tree{u.id};  // the municipality's whole subtree
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& v : units)
        if (v.parent_id && tree.contains(*v.parent_id) && tree.insert(v.id).second) grew = true;
    }
    const int under = static_cast<int>(tree.size()) - 1;
    EXPECT_GE(under, 30) << u.name;
    EXPECT_LE(under, 50) << u.name;
  }
  EXPECT_EQ(municipalities, kMunicipalities);
  EXPECT_TRUE(tx->unit_by_name("Botkyrka kommun"));
  EXPECT_TRUE(tx->unit_by_name("Enköping kommun"));     // Uppsala län's first
  EXPECT_TRUE(tx->unit_by_name("Eskilstuna kommun"));   // Södermanlands län's first
}

TEST_P(NationalDemoTest, ThreeRoundsOfFiftyQuestionsAnsweredWithCommentsInSwedish) {
  auto tx = store_->begin_read();
  const auto rounds = tx->rounds();
  ASSERT_EQ(rounds.size(), 3u);
  EXPECT_EQ(rounds[0].name, "Nationell uppföljning 2024");
  long long answers = 0;
  std::set<std::string> comments;
  for (const auto& round : rounds) {
    EXPECT_EQ(tx->questions(round.id).size(), 50u);
    for (const auto& response : tx->responses(round.id)) {
      const auto given = tx->answers(response.id);
      answers += static_cast<long long>(given.size());
      if (response.status == ResponseStatus::not_started) EXPECT_TRUE(given.empty());
      else EXPECT_EQ(given.size(), 50u);
      for (const auto& a : given) comments.insert(a.comment);
    }
  }
  EXPECT_EQ(answers, summary_.answers);
  EXPECT_GT(answers, kMunicipalities * 30 * 50 * 2);
  EXPECT_GT(comments.size(), 200u) << "comments vary";
  EXPECT_EQ(progress_.back(), std::make_pair(kMunicipalities, kMunicipalities));
}

TEST_P(NationalDemoTest, IsTheSameEveryTimeAndTakesTheDemoAccounts) {
  testing::TestDatabase other_db(GetParam());
  auto other = store::open(other_db.url());
  const auto again = build_national_demo(*other, NationalOptions{.municipalities = kMunicipalities}, {});
  EXPECT_EQ(again.units, summary_.units);
  EXPECT_EQ(again.answers, summary_.answers);
  {
    auto a = store_->begin_read();
    auto b = other->begin_read();
    const auto round = a->rounds().front().id;
    const auto mine = a->answers(a->responses(round).back().id);
    const auto theirs = b->answers(b->responses(round).back().id);
    ASSERT_EQ(mine.size(), theirs.size());
    for (std::size_t i = 0; i < mine.size(); ++i) {
      EXPECT_EQ(mine[i].choice, theirs[i].choice);
      EXPECT_EQ(mine[i].comment, theirs[i].comment);
    }
  }
  other.reset();

  add_demo_accounts(*store_, national_demo_units());
  auto tx = store_->begin_read();
  const auto respondent = tx->user_by_email("svarande@demo.uppsikt.se");
  ASSERT_TRUE(respondent);
  const auto grants = tx->grants(respondent->id);
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(tx->unit(grants[0].unit_id)->name, "Socialförvaltningen, Botkyrka kommun");
}

// Without statistics PostgreSQL planned a national round's compiled report at 9 s, not 1 s.
TEST_P(NationalDemoTest, LeavesPostgresqlWithPlannerStatistics) {
  if (std::string{GetParam()} != "postgresql") GTEST_SKIP() << "the SQLite store plans without statistics";
  const auto analysed = testing::postgresql_rows(
      db_->url(), "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                  "AND last_analyze IS NOT NULL AND relname IN ('answers', 'responses') ORDER BY relname");
  EXPECT_EQ(analysed, (std::vector<std::string>{"answers", "responses"}));
}

}  // namespace
}  // namespace uppsikt::service
