// The reports' content from the demo city on every backend: the compiled report's counts
// checked against counts made straight from the stored answers, the filters, comments left
// out, trends from the earlier round, the unit report, and who may read which.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "service/demo.h"
#include "service/report_data.h"
#include "service/response_view.h"
#include "support/backends.h"
#include "support/fixture.h"

namespace uppsikt::service {
namespace {

using ::testing::HasSubstr;

bool handed_in(ResponseStatus s) { return s == ResponseStatus::submitted || s == ResponseStatus::approved; }

class ReportDataTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    build_demo(*store_, testing::seed_followup());
    auto tx = store_->begin();
    round_ = tx->round_by_name("Uppföljning 2024")->id;
    earlier_ = tx->round_by_name("Uppföljning 2023")->id;
    units_ = tx->units();
  }

  Id unit_named(const std::string& name) const {
    for (const auto& u : units_)
      if (u.name == name) return u.id;
    return 0;
  }
  Id root() const {
    for (const auto& u : units_)
      if (!u.parent_id) return u.id;
    return 0;
  }
  // Someone holding `role` on `unit`, as a stored user (refusals are audited with their id).
  Viewer viewer(Role role, Id unit) {
    auto tx = store_->begin();
    const std::string email = "t" + std::to_string(++users_) + "@x.se";
    const Id id = tx->add_user(User{.email = email, .name = "T", .password_hash = "x", .created_at = "2024-01-01T00:00:00Z"});
    tx->commit();
    return Viewer{.user_id = id, .name = "T", .email = email, .grants = {{id, role, unit}}};
  }

  // question id → choice → count over the handed-in responses of the units `keep` accepts,
  // counted from the stored answers without the report code.
  template <typename Keep>
  std::map<Id, std::map<std::string, int>> counted(Id round, Keep keep) {
    std::map<Id, std::map<std::string, int>> out;
    auto tx = store_->begin_read();
    for (const auto& r : tx->responses(round)) {
      if (!handed_in(r.status) || !keep(r.unit_id)) continue;
      for (const auto& a : tx->answers(r.id))
        if (!a.choice.empty()) ++out[a.question_id][a.choice];
    }
    return out;
  }

  Id round_ = 0;
  Id earlier_ = 0;
  std::vector<Unit> units_;
  int users_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, ReportDataTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

void expect_counts_match(const report::CompiledReport& report, const std::map<Id, std::map<std::string, int>>& expected) {
  int questions = 0;
  for (const auto& s : report.sections)
    for (const auto& q : s.questions) {
      ++questions;
      int answered = 0;
      for (const auto& c : q.counts) {
        const auto it = expected.find(q.question.id);
        const int want = it == expected.end() || !it->second.contains(c.option) ? 0 : it->second.at(c.option);
        EXPECT_EQ(c.count, want) << q.question.text << " / " << c.option;
        answered += c.count;
      }
      EXPECT_EQ(q.answered, answered);
      EXPECT_EQ(q.answers.size(), report.units_listed ? static_cast<std::size_t>(answered) : 0u);
      for (const auto& c : q.counts) {
        if (answered > 0) {
          EXPECT_NEAR(c.share, static_cast<double>(c.count) / answered, 1e-9);
        }
      }
      for (std::size_t i = 1; i < q.answers.size(); ++i)
        EXPECT_FALSE(swedish_less(q.answers[i].unit, q.answers[i - 1].unit)) << "units in Swedish order";
    }
  EXPECT_EQ(questions, 18);
}

TEST_P(ReportDataTest, CompiledCountsEqualCountsMadeFromTheStoredAnswers) {
  auto report = compiled_report(*store_, round_, {});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->scope, "Hela organisationen");
  expect_counts_match(*report, counted(round_, [](Id) { return true; }));

  auto tx = store_->begin_read();
  int total = 0, in = 0;
  for (const auto& r : tx->responses(round_)) {
    ++total;
    in += handed_in(r.status) ? 1 : 0;
  }
  EXPECT_EQ(report->units_asked, total);
  EXPECT_EQ(report->units_handed_in, in);
  EXPECT_EQ(report->units_not_answered.size(), static_cast<std::size_t>(total - in));
  EXPECT_GT(in, 0);
  EXPECT_GT(total - in, 0);  // the demo has units that have not handed in
}

// A national round's lists of units would be more than anyone reads: above kMostUnitsListed
// units the documents count only (in the database when every unit is kept), while the long
// forms still get every answer.
TEST_P(ReportDataTest, ALargeSelectionIsCountedWithoutListsWhileTheLongFormsListEveryUnit) {
  {
    auto tx = store_->begin();
    const Id first_question = tx->questions(round_).front().id;
    for (std::size_t i = 0; i < kMostUnitsListed; ++i) {
      const Id unit = tx->add_unit(Unit{.parent_id = root(), .name = "Kontor " + std::to_string(i),
                                        .kind = UnitKind::forvaltning});
      const Id response = tx->add_response(Response{.round_id = round_, .unit_id = unit,
                                                    .status = ResponseStatus::submitted});
      tx->save_answer(Answer{.response_id = response, .question_id = first_question,
                             .choice = i % 3 == 0 ? "Nej" : "Ja", .comment = "Kommentar " + std::to_string(i)}, 0);
    }
    tx->commit();
    units_ = store_->begin_read()->units();
  }
  auto counted_only = compiled_report(*store_, round_, {});
  ASSERT_TRUE(counted_only.has_value());
  EXPECT_FALSE(counted_only->units_listed);
  expect_counts_match(*counted_only, counted(round_, [](Id) { return true; }));

  std::map<Id, UnitKind> kind;
  for (const auto& u : units_) kind[u.id] = u.kind;
  auto offices = compiled_report(*store_, round_, {.kinds = {UnitKind::forvaltning}});
  ASSERT_TRUE(offices.has_value());
  EXPECT_FALSE(offices->units_listed);
  expect_counts_match(*offices, counted(round_, [&](Id u) { return kind[u] == UnitKind::forvaltning; }));

  auto every_unit = compiled_report(*store_, round_, {.listing = UnitListing::always});
  ASSERT_TRUE(every_unit.has_value());
  EXPECT_TRUE(every_unit->units_listed);
  expect_counts_match(*every_unit, counted(round_, [](Id) { return true; }));
  EXPECT_EQ(listing_for(report::Format::csv), UnitListing::always);
  EXPECT_EQ(listing_for(report::Format::pdf), UnitListing::up_to_limit);
}

TEST_P(ReportDataTest, SummariesAddUpTheQuestionsBelowThem) {
  auto report = compiled_report(*store_, round_, {});
  ASSERT_TRUE(report.has_value());
  ASSERT_FALSE(report->summaries.empty());
  int documents = 0, questions = 0, yes = 0;
  for (const auto& s : report->summaries)
    if (s.heading.level == 1) {
      ++documents;
      questions += s.questions;
      for (const auto& c : s.counts) yes += c.option == "Ja" ? c.count : 0;
    }
  int yes_direct = 0;
  for (const auto& [q, by_choice] : counted(round_, [](Id) { return true; }))
    yes_direct += by_choice.contains("Ja") ? by_choice.at("Ja") : 0;
  EXPECT_EQ(documents, 3);  // the seed follows up three governing documents
  EXPECT_EQ(questions, 18);
  EXPECT_EQ(yes, yes_direct);
}

TEST_P(ReportDataTest, ScopeKeepsOnlyTheSubtreeAndKindsOnlyThoseKinds) {
  const Id nämnd = unit_named("Miljö- och klimatnämnden");
  ASSERT_NE(nämnd, 0);
  const UnitTree tree(units_);
  auto report = compiled_report(*store_, round_, {.scope = nämnd});
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->scope, "Miljö- och klimatnämnden med underliggande enheter");
  expect_counts_match(*report, counted(round_, [&](Id u) { return unit_within(tree, u, nämnd); }));

  std::map<Id, UnitKind> kind;
  for (const auto& u : units_) kind[u.id] = u.kind;
  auto only = compiled_report(*store_, round_, {.kinds = {UnitKind::forvaltning}});
  ASSERT_TRUE(only.has_value());
  expect_counts_match(*only, counted(round_, [&](Id u) { return kind[u] == UnitKind::forvaltning; }));
  EXPECT_LT(only->units_asked, report->units_asked + 100);
  EXPECT_THAT(only->scope, HasSubstr("Förvaltning"));
}

TEST_P(ReportDataTest, DocumentFilterKeepsOneDocumentsQuestions) {
  Id doc = 0;
  {
    auto tx = store_->begin_read();
    doc = tx->documents().front().id;
  }
  auto report = compiled_report(*store_, round_, {.document_id = doc});
  ASSERT_TRUE(report.has_value());
  ASSERT_FALSE(report->sections.empty());
  for (const auto& s : report->sections) EXPECT_EQ(s.document, report->sections.front().document);
  EXPECT_EQ(report->sections.front().heading.level, 1);
}

TEST_P(ReportDataTest, WithoutCommentsEveryCommentIsLeftOut) {
  auto with = compiled_report(*store_, round_, {});
  auto without = compiled_report(*store_, round_, {.with_comments = false});
  ASSERT_TRUE(with && without);
  int comments = 0;
  for (const auto& s : with->sections)
    for (const auto& q : s.questions)
      for (const auto& a : q.answers) comments += a.comment.empty() ? 0 : 1;
  EXPECT_GT(comments, 0);
  EXPECT_FALSE(without->with_comments);
  for (const auto& s : without->sections)
    for (const auto& q : s.questions)
      for (const auto& a : q.answers) EXPECT_EQ(a.comment, "");
}

TEST_P(ReportDataTest, TrendsFollowTheSameItemInTheEarlierRound) {
  auto report = compiled_report(*store_, round_, {});
  ASSERT_TRUE(report.has_value());
  const auto earlier = counted(earlier_, [](Id) { return true; });
  std::map<Id, Id> earlier_by_node;  // node → question of 2023
  {
    auto tx = store_->begin_read();
    for (const auto& q : tx->questions(earlier_))
      if (q.node_id) earlier_by_node[*q.node_id] = q.id;
  }
  std::map<Id, std::optional<Id>> node_of;
  {
    auto tx = store_->begin_read();
    for (const auto& q : tx->questions(round_)) node_of[q.id] = q.node_id;
  }
  int with_trend = 0;
  for (const auto& s : report->sections)
    for (const auto& q : s.questions) {
      auto node = node_of[q.question.id];
      if (!node || !earlier_by_node.contains(*node)) continue;
      ASSERT_EQ(q.trend.size(), 1u);
      EXPECT_EQ(q.trend[0].year, 2023);
      const auto& want = earlier.contains(earlier_by_node[*node]) ? earlier.at(earlier_by_node[*node]) : std::map<std::string, int>{};
      for (const auto& c : q.trend[0].counts)
        EXPECT_EQ(c.count, want.contains(c.option) ? want.at(c.option) : 0) << c.option;
      ++with_trend;
    }
  EXPECT_EQ(with_trend, 18);
}

TEST_P(ReportDataTest, UnitReportHoldsTheUnitsAnswersInTheFollowUpsOrder) {
  const Id unit = unit_named("Miljöförvaltningen");
  auto report = unit_report(*store_, round_, unit);
  auto view = response_view(*store_, round_, unit);
  ASSERT_TRUE(report && view);
  EXPECT_EQ(report->unit_name, "Miljöförvaltningen");
  EXPECT_EQ(report->parent_name, "Miljö- och klimatnämnden");
  EXPECT_EQ(report->status, std::string(label(view->response.status)));
  std::vector<std::string> from_report, from_view;
  for (const auto& s : report->sections)
    for (const auto& a : s.answers) from_report.push_back(a.question.text + "|" + a.choice);
  for (const auto& b : view->blocks)
    for (const auto& q : b.questions) from_view.push_back(q.question.text + "|" + (q.answer ? q.answer->choice : ""));
  EXPECT_EQ(from_report, from_view);
  EXPECT_EQ(report->sections.front().heading.level, 1);
  EXPECT_EQ(report->sections.front().answers.size(), 0u);  // a document heading, its areas below
  auto with_answers = std::find_if(report->sections.begin(), report->sections.end(),
                                   [](const auto& s) { return !s.answers.empty(); });
  ASSERT_NE(with_answers, report->sections.end());
  EXPECT_EQ(with_answers->heading.number, "1.1.1");
  const auto& first = with_answers->answers.front().question;
  EXPECT_EQ(first.reference_kind, "Strategi");
  EXPECT_EQ(first.reference_number, "1:1");
  EXPECT_EQ(first.number, 1);
}

TEST_P(ReportDataTest, AUnitsDownloadKeepsTheDocumentFilterAndLeavesCommentsOut) {
  const Id unit = unit_named("Miljöförvaltningen");
  const auto respondent = viewer(Role::respondent, unit);
  Id doc = 0;
  std::string title;
  {
    auto tx = store_->begin_read();
    doc = tx->documents().back().id;
    title = tx->documents().back().title;
  }
  auto all = unit_report(*store_, respondent, round_, unit);
  auto one = unit_report(*store_, respondent, round_, unit, {.document_id = doc, .with_comments = false});
  ASSERT_TRUE(all && one);
  ASSERT_FALSE(one->sections.empty());
  EXPECT_LT(one->sections.size(), all->sections.size());
  int comments = 0;
  for (const auto& s : all->sections)
    for (const auto& a : s.answers) comments += a.comment.empty() ? 0 : 1;
  EXPECT_GT(comments, 0);
  for (const auto& s : one->sections) {
    EXPECT_EQ(s.document, title);
    for (const auto& a : s.answers) EXPECT_EQ(a.comment, "");
  }
}

TEST_P(ReportDataTest, WhoMayReadWhich) {
  const Id unit = unit_named("Miljöförvaltningen");
  const Id other = unit_named("Idrotts- och föreningsförvaltningen");
  ASSERT_NE(other, 0);
  const auto coordinator = viewer(Role::coordinator, root());
  const auto reader = viewer(Role::reader, root());
  const auto respondent = viewer(Role::respondent, unit);

  EXPECT_TRUE(compiled_report(*store_, coordinator, round_, {}));
  EXPECT_FALSE(compiled_report(*store_, reader, round_, {})) << "2024 is not published";
  EXPECT_TRUE(compiled_report(*store_, reader, earlier_, {})) << "2023 is published";
  EXPECT_FALSE(compiled_report(*store_, respondent, round_, {}));
  EXPECT_FALSE(compiled_report(*store_, coordinator, 999999, {}));

  EXPECT_TRUE(unit_report(*store_, respondent, round_, unit));
  EXPECT_FALSE(unit_report(*store_, respondent, round_, other)) << "a foreign unit looks missing";
  EXPECT_FALSE(unit_report(*store_, reader, round_, unit));
  EXPECT_TRUE(unit_report(*store_, reader, earlier_, unit));

  // A reader of the published 2023 round sees no trend from rounds before it, and a
  // coordinator of one committee counts only that committee's subtree.
  const Id nämnd = unit_named("Miljö- och klimatnämnden");
  auto narrow = compiled_report(*store_, viewer(Role::coordinator, nämnd), round_, {});
  auto direct = compiled_report(*store_, round_, {.scope = nämnd});
  ASSERT_TRUE(narrow && direct);
  EXPECT_EQ(narrow->units_asked, direct->units_asked);
}

}  // namespace
}  // namespace uppsikt::service
