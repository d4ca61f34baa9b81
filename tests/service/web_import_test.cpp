// Importing through the browser, at the service: the preview of bytes, who may import for
// which units, staged uploads, and saving with its permission check and audit rows.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/collate.h"
#include "service/demo.h"
#include "service/demo_accounts.h"
#include "service/import_file.h"
#include "service/web_import.h"
#include "support/fixture.h"
#include "support/temp_dir.h"

namespace uppsikt::service {
namespace {

TEST(ReadFollowupBytes, DispatchesByExtensionInAnyCase) {
  const auto text = testing::seed_followup();
  EXPECT_EQ(read_followup_bytes("a.txt", text).questions.size(), 18u);
  EXPECT_EQ(read_followup_bytes("A.TXT", text).questions.size(), 18u);
  EXPECT_EQ(read_followup_bytes("mapp.v2/a.txt", text).questions.size(), 18u);
  EXPECT_THROW(read_followup_bytes("a.rtf", text), ImportError);
  EXPECT_THROW(read_followup_bytes("utan-filtyp", text), ImportError);
  EXPECT_THROW(read_followup_bytes("a.txt", "\xff\xfe"), ImportError);
}

TEST(ImportPreview, ErrorsNameTheFileInSwedish) {
  auto unknown = import_preview("plan.rtf", "x");
  EXPECT_FALSE(unknown.followup);
  EXPECT_TRUE(unknown.error.starts_with("plan.rtf: okänd filtyp \".rtf\"")) << unknown.error;
  auto damaged = import_preview("trasig.pdf", "inte en pdf");
  EXPECT_FALSE(damaged.followup);
  EXPECT_TRUE(damaged.error.starts_with("trasig.pdf: ")) << damaged.error;
  auto docx = import_preview("trasig.docx", "PK\x03\x04 inte hela");
  EXPECT_TRUE(docx.error.starts_with("trasig.docx: ")) << docx.error;
  auto good = import_preview("Miljö.txt", testing::seed_followup());
  ASSERT_TRUE(good.followup);
  EXPECT_TRUE(good.error.empty());
  EXPECT_TRUE(good.followup->warnings.empty());
}

class WebImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::open(dir_.file("demo.db"));
    build_demo(*store_, testing::seed_followup());
    add_demo_accounts(*store_);
  }
  Viewer viewer(const std::string& email) {
    auto tx = store_->begin_read();
    auto user = tx->user_by_email(email).value();
    return Viewer{.user_id = user.id, .name = user.name, .email = user.email, .grants = tx->grants(user.id)};
  }
  Id unit(const std::string& name) { return store_->begin_read()->unit_by_name(name)->id; }
  std::size_t audits(const std::string& action) {
    auto all = store_->begin_read()->audit_entries({});
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const auto& e) { return e.action == action; }));
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(WebImportTest, OnlyAdminsAndCoordinatorsMayImportAndForTheirSubtree) {
  const auto coordinator = viewer("samordnare@demo.uppsikt.se");
  const auto respondent = viewer("svarande@demo.uppsikt.se");
  EXPECT_TRUE(may_import(coordinator));
  EXPECT_TRUE(may_import(viewer("admin@demo.uppsikt.se")));
  EXPECT_FALSE(may_import(respondent));
  EXPECT_FALSE(may_import(viewer("lasare@demo.uppsikt.se")));
  EXPECT_TRUE(import_units(*store_, respondent).empty());
  auto units = import_units(*store_, coordinator);
  ASSERT_FALSE(units.empty());
  EXPECT_TRUE(std::is_sorted(units.begin(), units.end(),
                             [](const Unit& a, const Unit& b) { return swedish_less(a.name, b.name); }));

  const std::vector<UploadedFile> files{{"a.txt", testing::seed_followup()}};
  auto refused = import_save(*store_, respondent, files, RoundChoice{.new_name = "Uppföljning 2025"}, unit("Miljöförvaltningen"));
  EXPECT_EQ(refused.outcome.kind, Outcome::Kind::not_allowed);
  EXPECT_FALSE(store_->begin_read()->round_by_name("Uppföljning 2025"));
  EXPECT_EQ(audits("refused"), 1u);
}

TEST_F(WebImportTest, StagedUploadsBelongToTheUploaderAndSaveIdempotently) {
  const auto coordinator = viewer("samordnare@demo.uppsikt.se");
  const auto token = stage_uploads(*store_, coordinator, {{"a.txt", testing::seed_followup()}, {"b.odt", "x"}});
  EXPECT_EQ(staged_uploads(*store_, coordinator, token).size(), 2u);
  EXPECT_TRUE(staged_uploads(*store_, viewer("admin@demo.uppsikt.se"), token).empty());
  EXPECT_TRUE(staged_uploads(*store_, coordinator, "inte-en-token").empty());

  const auto files = staged_uploads(*store_, coordinator, token);
  auto first = import_save(*store_, coordinator, files, RoundChoice{.new_name = " Uppföljning 2025 "}, unit("Miljöförvaltningen"));
  ASSERT_TRUE(first.outcome.ok()) << first.outcome.message();
  EXPECT_EQ(first.round_name, "Uppföljning 2025");
  ASSERT_EQ(first.files.size(), 2u);
  ASSERT_TRUE(first.files[0].counts);
  EXPECT_EQ(first.files[0].counts->answers_saved, 18);
  EXPECT_FALSE(first.files[1].counts);
  EXPECT_TRUE(first.files[1].outcome.message().starts_with("b.odt: ")) << first.files[1].outcome.message();
  EXPECT_EQ(audits("import"), 1u);

  const Id round = store_->begin_read()->round_by_name("Uppföljning 2025")->id;
  EXPECT_EQ(store_->begin_read()->round(round)->status, RoundStatus::draft) << "no unit sees it before it is opened";
  EXPECT_EQ(first.round_id, round);
  auto no_unit = import_save(*store_, coordinator, files, RoundChoice{.round_id = round}, 0);
  EXPECT_EQ(no_unit.outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(no_unit.outcome.errors.at(0).field, "enhet");
  EXPECT_EQ(no_unit.outcome.message(), "Välj vilken enhet filerna är svar från.");
  auto again = import_save(*store_, coordinator, {files[0]}, RoundChoice{.round_id = round}, unit("Miljöförvaltningen"));
  ASSERT_TRUE(again.files.at(0).counts);
  EXPECT_EQ(again.files[0].counts->answers_saved, 0);
  EXPECT_EQ(again.files[0].counts->questions_created, 0);
  EXPECT_EQ(audits("import"), 2u);

  EXPECT_EQ(import_save(*store_, coordinator, files, RoundChoice{}, unit("Miljöförvaltningen")).outcome.errors.at(0).field,
            "omgang");
  EXPECT_EQ(import_save(*store_, coordinator, files, RoundChoice{.round_id = 999999}, unit("Miljöförvaltningen")).outcome.errors.at(0).field,
            "omgang");
}

TEST_F(WebImportTest, AnOperatorsImportNeverChangesAHandedInResponseInPlace) {
  const Id round = store_->begin_read()->round_by_name("Uppföljning 2023")->id;
  const Id unit_id = unit("Miljöförvaltningen");
  const auto followup = read_followup_bytes("a.txt", testing::seed_followup());
  const auto approved = *store_->begin_read()->response_of(round, unit_id);
  ASSERT_EQ(approved.status, ResponseStatus::approved);
  const auto approved_answers = store_->begin_read()->answers(approved.id);

  const ImportTarget target{round, unit_id, "import", ResponseStatus::submitted, std::nullopt};
  ImportCounts counts;
  {
    auto tx = store_->begin();
    counts = save_followup(*tx, followup, target);
    tx->commit();
  }
  EXPECT_EQ(counts.new_edition, approved.edition + 1);
  auto read = store_->begin_read();
  const auto now = *read->response_of(round, unit_id);
  EXPECT_EQ(now.edition, approved.edition + 1);
  EXPECT_EQ(now.status, ResponseStatus::submitted);
  // What was approved stays readable under its own edition, answer for answer.
  const auto kept = read->handed_in_answers(approved.id, approved.edition);
  ASSERT_EQ(kept.size(), approved_answers.size());
  for (const auto& a : approved_answers) {
    auto it = std::find_if(kept.begin(), kept.end(), [&](const Answer& k) { return k.question_id == a.question_id; });
    ASSERT_NE(it, kept.end());
    EXPECT_EQ(it->choice, a.choice);
    EXPECT_EQ(it->comment, a.comment);
  }
  EXPECT_EQ(read->handed_in_answers(approved.id, now.edition).size(), 18u);
  read.reset();

  auto tx = store_->begin();  // the same file again: nothing new, no further edition
  const auto again = save_followup(*tx, followup, target);
  EXPECT_EQ(again.new_edition, 0);
  EXPECT_EQ(again.answers_saved, 0);
}

}  // namespace
}  // namespace uppsikt::service
