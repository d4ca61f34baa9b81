// The coordinator's assessment of a compiled report on every backend: written per round, area
// and question with the cover for the council, shown in the compiled report under the heading
// named for the sender, audited once per change, refused whole on bad input or to others, and
// frozen with a publication like the rest of the report.
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "service/demo.h"
#include "service/report_assessments.h"
#include "service/report_data.h"
#include "service/report_publishing.h"
#include "support/backends.h"
#include "support/fixture.h"

namespace uppsikt::service {
namespace {

class ReportAssessmentsTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    build_demo(*store_, testing::seed_followup());
    auto tx = store_->begin();
    round_ = tx->round_by_name("Uppföljning 2024")->id;
    const Id root = tx->unit_by_name("Göteborgs Stad")->id;
    const Id unit = tx->unit_by_name("Miljöförvaltningen")->id;
    auto round = *tx->round(round_);  // run by the city's coordinators
    round.unit_id = root;
    tx->update_round(round);
    coordinator_ = person(*tx, "samordnare@x.se", Role::coordinator, root);
    respondent_ = person(*tx, "svarande@x.se", Role::respondent, unit);
    tx->commit();
  }
  static Viewer person(store::Tx& tx, const std::string& email, Role role, Id unit) {
    const Id id = tx.add_user(User{.email = email, .name = email, .password_hash = "x"});
    tx.add_grant(Grant{id, role, unit});
    return Viewer{.user_id = id, .name = email, .email = email, .grants = {{id, role, unit}}};
  }
  std::size_t audits(const std::string& action) {
    std::size_t n = 0;
    for (const auto& e : store_->begin_read()->audit_entries({})) n += e.action == action;
    return n;
  }
  report::CompiledReport report() { return *compiled_report(*store_, round_, ReportFilter{}); }

  Id round_ = 0;
  Viewer coordinator_, respondent_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ReportAssessmentsTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(ReportAssessmentsTest, TheCoordinatorsAssessmentAndCoverAppearInTheCompiledReport) {
  auto form = assessment_form(*store_, coordinator_, round_);
  ASSERT_TRUE(form);
  EXPECT_EQ(form->default_sender, "Göteborgs Stad") << "the round's coordinating unit";
  EXPECT_EQ(form->heading, "Göteborgs Stads bedömning");
  ASSERT_GE(form->parts.size(), 2u);
  const auto area = std::find_if(form->parts.begin(), form->parts.end(), [](const auto& p) { return !p.question; });
  const auto question = std::find_if(form->parts.begin(), form->parts.end(), [](const auto& p) { return p.question; });
  ASSERT_NE(area, form->parts.end());
  ASSERT_NE(question, form->parts.end());

  AssessmentInput input{.cover = {"Stadsledningskontoret", "2025-02-14", "KS 2025/123"},
                        .texts = {{kRoundTarget, "Arbetet går framåt."},
                                  {area->target, "Dokumentets mål nås delvis."},
                                  {question->target, "Fler bör svara Ja."}}};
  auto saved = save_assessments(*store_, coordinator_, round_, input);
  ASSERT_TRUE(saved.ok()) << (saved.errors.empty() ? "" : saved.errors[0].message);
  EXPECT_EQ(audits("assessment_save"), 1u);
  ASSERT_TRUE(save_assessments(*store_, coordinator_, round_, input).ok());
  EXPECT_EQ(audits("assessment_save"), 1u) << "saving the same again changes nothing";

  const auto r = report();
  EXPECT_EQ(r.assessment_heading, "Stadsledningskontorets bedömning") << "named for the sender given";
  EXPECT_EQ(r.assessment, "Arbetet går framåt.");
  EXPECT_EQ(r.sender, "Stadsledningskontoret");
  EXPECT_EQ(r.report_date, "2025-02-14");
  EXPECT_EQ(r.registration_number, "KS 2025/123");
  bool area_seen = false, question_seen = false;
  for (const auto& s : r.sections) {
    area_seen = area_seen || s.assessment == "Dokumentets mål nås delvis.";
    for (const auto& q : s.questions)
      if (question_target(q.question.id) == question->target) question_seen = q.assessment == "Fler bör svara Ja.";
  }
  EXPECT_TRUE(area_seen);
  EXPECT_TRUE(question_seen);

  // An empty text removes it.
  ASSERT_TRUE(save_assessments(*store_, coordinator_, round_, {.cover = input.cover, .texts = {{kRoundTarget, ""}}}).ok());
  EXPECT_EQ(report().assessment, "");
}

TEST_P(ReportAssessmentsTest, BadInputAndOthersAreRefusedAndNothingIsWritten) {
  auto bad = save_assessments(*store_, coordinator_, round_,
                              {.cover = {"", "14 februari", ""}, .texts = {{kRoundTarget, "Text"}}});
  ASSERT_EQ(bad.kind, Outcome::Kind::invalid);
  EXPECT_EQ(bad.errors[0].field, "datum");
  auto foreign = save_assessments(*store_, coordinator_, round_, {.texts = {{"question:999999", "Text"}}});
  EXPECT_EQ(foreign.kind, Outcome::Kind::invalid);
  auto long_text = save_assessments(*store_, coordinator_, round_,
                                    {.texts = {{kRoundTarget, std::string(kMostAssessmentBytes + 1, 'x')}}});
  ASSERT_EQ(long_text.kind, Outcome::Kind::invalid);
  EXPECT_EQ(long_text.errors[0].field, "bedomning-round");
  EXPECT_EQ(save_assessments(*store_, respondent_, round_, {.texts = {{kRoundTarget, "Text"}}}).kind,
            Outcome::Kind::not_found);
  EXPECT_FALSE(assessment_form(*store_, respondent_, round_));
  EXPECT_EQ(report().assessment, "");
  EXPECT_EQ(report().registration_number, "");
  EXPECT_EQ(audits("assessment_save"), 0u);
}

TEST_P(ReportAssessmentsTest, APublicationKeepsTheAssessmentAsItWasWhenPublished) {
  ASSERT_TRUE(save_assessments(*store_, coordinator_, round_,
                               {.cover = {"", "", "KS 2025/1"}, .texts = {{kRoundTarget, "Som publicerat."}}})
                  .ok());
  ASSERT_TRUE(publish_report(*store_, coordinator_, round_, false).ok());
  ASSERT_TRUE(save_assessments(*store_, coordinator_, round_,
                               {.cover = {"", "", "KS 2025/2"}, .texts = {{kRoundTarget, "Ändrat efteråt."}}})
                  .ok());
  auto published = published_report(*store_, round_);
  ASSERT_TRUE(published);
  EXPECT_EQ(published->assessment, "Som publicerat.");
  EXPECT_EQ(published->registration_number, "KS 2025/1");
  EXPECT_EQ(report().assessment, "Ändrat efteråt.");
  ASSERT_TRUE(publish_report(*store_, coordinator_, round_, false).ok());
  EXPECT_EQ(published_report(*store_, round_)->assessment, "Ändrat efteråt.") << "a new version";
  EXPECT_EQ(published_report(*store_, round_, UnitListing::up_to_limit, 1)->assessment, "Som publicerat.");
}

}  // namespace
}  // namespace uppsikt::service
