// Importing old follow-ups in the browser, over real HTTP: the upload form, the preview, the
// save into a round, and what is refused. The demo city with its demo accounts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/accounts.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::csrf_of;
using testing::fetch;
using testing::Fetched;

constexpr const char* kBoundary = "----uppsiktTestBoundary42";

struct File {
  std::string name;
  std::string bytes;
};

std::string multipart_body(const std::string& csrf, const std::vector<File>& files) {
  std::string b = std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
  for (const auto& f : files)
    b += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"filer\"; filename=\"" + f.name +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + f.bytes + "\r\n";
  return b + "--" + kBoundary + "--\r\n";
}

// The value of the hidden field `name` in a page, or "".
std::string hidden_of(const std::string& body, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  auto at = body.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return body.substr(at, body.find('"', at) - at);
}

class ImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    coordinator_ = new std::string(testing::sign_in(port(), "samordnare@demo.uppsikt.se", "demo-coordinator"));
  }
  static void TearDownTestSuite() {
    delete coordinator_;
    delete demo_;
  }

  static std::uint16_t port() { return demo_->port(); }
  static Fetched get(const std::string& target, const std::string& cookie) {
    return fetch(port(), "GET", target, "", "Cookie: " + cookie + "\r\n");
  }
  static Fetched upload(const std::string& cookie, const std::string& csrf, const std::vector<File>& files) {
    return fetch(port(), "POST", "/import", multipart_body(csrf, files),
                 "Cookie: " + cookie + "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary + "\r\n");
  }
  static Fetched save(const std::string& cookie, const std::string& fields) {
    return fetch(port(), "POST", "/import/spara", fields,
                 "Cookie: " + cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  }
  static std::string csrf() { return csrf_of(get("/import", *coordinator_).body); }
  static Id unit_id(const std::string& name) { return demo_->store().begin_read()->unit_by_name(name)->id; }
  static std::size_t round_count() { return demo_->store().begin_read()->rounds().size(); }
  static std::size_t import_audits() {
    std::size_t n = 0;
    for (const auto& e : demo_->store().begin_read()->audit_entries({})) n += e.action == "import";
    return n;
  }

  static inline testing::DemoServer* demo_;
  static inline std::string* coordinator_;
};

TEST_F(ImportTest, FormIsForCoordinatorsOnly) {
  auto page = get("/import", *coordinator_);
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("enctype=\"multipart/form-data\""));
  EXPECT_THAT(page.body, HasSubstr("name=\"filer\" multiple accept=\".docx,.odt,.xlsx,.pdf,.txt\""));
  EXPECT_THAT(page.body, HasSubstr("href=\"/import\""));  // in the navigation

  const auto respondent = testing::sign_in(port(), "svarande@demo.uppsikt.se", "demo-respondent");
  auto refused = get("/import", respondent);
  EXPECT_EQ(refused.status, 404);
  EXPECT_THAT(refused.body, Not(HasSubstr("href=\"/import\"")));
  EXPECT_EQ(upload(respondent, csrf_of(get("/", respondent).body), {{"a.txt", testing::seed_followup()}}).status, 404);
}

TEST_F(ImportTest, PostWithoutCsrfIsForbidden) {
  EXPECT_EQ(upload(*coordinator_, "", {{"a.txt", testing::seed_followup()}}).status, 403);
  EXPECT_EQ(save(*coordinator_, "uppladdning=x&enhet=1").status, 403);
}

TEST_F(ImportTest, PreviewThenSaveThenSaveAgain) {
  const auto rounds_before = round_count();
  auto preview = upload(*coordinator_, csrf(), {{"miljoforvaltningen-2024.txt", testing::seed_followup()}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("Är ert arbete kunskapsbaserat?"));
  EXPECT_THAT(preview.body, HasSubstr("<caption>miljoforvaltningen-2024.txt</caption>"));
  EXPECT_THAT(preview.body, Not(HasSubstr("<strong>Varning")));  // neither above the table nor at a row
  EXPECT_EQ(round_count(), rounds_before);  // nothing saved by a preview
  // A comment is shown whole, as it will be saved (this one is some 300 characters).
  EXPECT_THAT(preview.body, HasSubstr("Vi deltar i olika typer av platssamverkan."));
  // The unit is chosen by the person: none is preselected.
  EXPECT_THAT(preview.body, HasSubstr("<option value=\"\">Välj enhet</option>"));
  const auto unit_select = preview.body.find("id=\"enhet\"");
  ASSERT_NE(unit_select, std::string::npos);
  EXPECT_THAT(preview.body.substr(unit_select, preview.body.find("</select>", unit_select) - unit_select),
              Not(HasSubstr("\" selected>")));

  const std::string token = hidden_of(preview.body, "uppladdning");
  ASSERT_EQ(token.size(), 64u);
  const std::string fields = "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + token +
                             "&omgang=&ny-omgang=Uppf%C3%B6ljning+2025&enhet=" +
                             std::to_string(unit_id("Miljöförvaltningen"));
  const auto audits = import_audits();
  auto saved = save(*coordinator_, fields);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_THAT(saved.body, HasSubstr("18 svar sparade")) << saved.body;
  EXPECT_THAT(saved.body, HasSubstr("Uppföljning 2025"));
  EXPECT_EQ(round_count(), rounds_before + 1);
  // The new round is a draft that no unit sees yet, and the result links to it.
  const auto made = demo_->store().begin_read()->round_by_name("Uppföljning 2025");
  ASSERT_TRUE(made);
  EXPECT_EQ(made->status, RoundStatus::draft);
  EXPECT_THAT(saved.body, HasSubstr("<a href=\"/omgangar/" + std::to_string(made->id) + "\">Till omgången Uppföljning 2025</a>"));
  EXPECT_THAT(saved.body, HasSubstr("<a href=\"/omgangar/" + std::to_string(made->id) + "/svar/" +
                                    std::to_string(unit_id("Miljöförvaltningen")) + "\">"));
  EXPECT_EQ(import_audits(), audits + 1);

  auto again = save(*coordinator_, fields);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_THAT(again.body, HasSubstr("0 svar sparade, 18 oförändrade")) << again.body;
  EXPECT_THAT(again.body, HasSubstr("0 nya frågor"));
  EXPECT_EQ(round_count(), rounds_before + 1);
}

// A table whose header words mislead: "Status" holds the comment, "Läge" the answer.
constexpr const char* kMisleadingTable =
    "1 Trygghet\n\nÅtgärd\tStatus\tLäge\nBelysa parker\tKlart före sommaren\tGenomförd\n";

TEST_F(ImportTest, AChangedColumnRoleIsPreviewedAgainAndSavedOnlyOnConfirm) {
  const auto rounds_before = round_count();
  const auto audits = import_audits();
  auto preview = upload(*coordinator_, csrf(), {{"handlingsplan.txt", kMisleadingTable}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  // The answer that is no answer is warned about at its row, which gives its line.
  EXPECT_THAT(preview.body, HasSubstr("<strong>Varning</strong> (Rad 4)"));
  EXPECT_THAT(preview.body, HasSubstr("<label class=\"label\" for=\"fil1-kolumn3\">Kolumnen ”Läge”</label>"));
  EXPECT_THAT(preview.body, HasSubstr("<option value=\"extra\" selected>Övrig text på frågan</option>"));

  const std::string token = hidden_of(preview.body, "uppladdning");
  const std::string choices = "&fil1-kolumn1-rubrik=%C3%85tg%C3%A4rd&fil1-kolumn1=question"
                              "&fil1-kolumn2-rubrik=Status&fil1-kolumn2=comment"
                              "&fil1-kolumn3-rubrik=L%C3%A4ge&fil1-kolumn3=answer&fil1-skala=";
  auto again = fetch(port(), "POST", "/import/granska", "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + token + choices,
                     "Cookie: " + *coordinator_ + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_THAT(again.body, HasSubstr("<td class=\"table__column table__column--text\">Genomförd</td>"));
  EXPECT_THAT(again.body, Not(HasSubstr("<strong>Varning")));
  // The save form carries the roles previewed, so that what is saved is what was seen.
  EXPECT_THAT(again.body, HasSubstr("<input type=\"hidden\" name=\"fil1-kolumn3\" value=\"answer\">"));
  EXPECT_EQ(round_count(), rounds_before);  // previews save nothing
  EXPECT_EQ(import_audits(), audits);

  auto saved = save(*coordinator_, "_csrf=" + csrf_of(again.body) + "&uppladdning=" + token + choices +
                                       "&omgang=&ny-omgang=Handlingsplan+2025&enhet=" +
                                       std::to_string(unit_id("Miljöförvaltningen")));
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto tx = demo_->store().begin_read();
  const auto round = tx->round_by_name("Handlingsplan 2025");
  ASSERT_TRUE(round);
  const auto response = tx->response_of(round->id, unit_id("Miljöförvaltningen"));
  ASSERT_TRUE(response);
  const auto answers = tx->answers(response->id);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].choice, "Genomförd");
  EXPECT_EQ(answers[0].comment, "Klart före sommaren");
}

// The lines above the first heading tell whose follow-up it is; the preview shows them beside
// the choice of unit, so that a file is not saved for the wrong one unnoticed.
TEST_F(ImportTest, ThePreviewShowsWhatTheFileSaysAboutItself) {
  auto preview = upload(*coordinator_, csrf(),
                        {{"plan.txt", "Nämnd: Kulturnämnden\nDatum: 2024-03-01\n\n1 Mål\n\nÅtgärd\tStatus\nA\tJa\n"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("<li>Enhet: Kulturnämnden</li>"));
  EXPECT_THAT(preview.body, HasSubstr("<li>Datum: 2024-03-01</li>"));
}

TEST_F(ImportTest, AChosenScaleLeavesOtherAnswersToTheComment) {
  auto preview = upload(*coordinator_, csrf(), {{"plan.txt", "1 Mål\n\nÅtgärd\tStatus\nA\tJa\n"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  auto again = fetch(port(), "POST", "/import/granska",
                     "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + hidden_of(preview.body, "uppladdning") +
                         "&fil1-skala=Gr%C3%B6n%2FGul%2FR%C3%B6d",
                     "Cookie: " + *coordinator_ + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_THAT(again.body, HasSubstr("<option value=\"Grön/Gul/Röd\" selected>"));
  EXPECT_THAT(again.body, HasSubstr("&quot;Ja&quot; finns inte bland svarsalternativen Grön/Gul/Röd"));
}

TEST_F(ImportTest, ReviewingAnExpiredUploadAsksForTheFilesAgain) {
  auto again = fetch(port(), "POST", "/import/granska", "_csrf=" + csrf() + "&uppladdning=" + std::string(64, 'a'),
                     "Cookie: " + *coordinator_ + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
  EXPECT_EQ(again.status, 422);
  EXPECT_THAT(again.body, HasSubstr("Ladda upp dem igen"));
}

TEST_F(ImportTest, SavingForAUnitOutsideTheGrantIsRefused) {
  auto preview = upload(*coordinator_, csrf(), {{"a.txt", testing::seed_followup()}});
  const std::string token = hidden_of(preview.body, "uppladdning");
  auto refused = save(*coordinator_, "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + token +
                                         "&ny-omgang=Annan&enhet=999999");
  EXPECT_EQ(refused.status, 403);
  auto missing_round = save(*coordinator_, "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + token +
                                               "&omgang=&ny-omgang=&enhet=" + std::to_string(unit_id("Miljöförvaltningen")));
  EXPECT_EQ(missing_round.status, 422);
  EXPECT_THAT(missing_round.body, HasSubstr("Det finns fel"));
  // No unit chosen: a Swedish error on the unit's field, what was chosen kept, nothing saved.
  const auto rounds_before = round_count();
  auto no_unit = save(*coordinator_, "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + token +
                                         "&omgang=&ny-omgang=Utan+enhet&enhet=");
  EXPECT_EQ(no_unit.status, 422);
  EXPECT_THAT(no_unit.body, HasSubstr("<a class=\"error-list__link\" href=\"#enhet\">Välj vilken enhet filerna är svar från.</a>"));
  EXPECT_THAT(no_unit.body, HasSubstr("aria-invalid=\"true\" aria-describedby=\"enhet-fel\""));
  EXPECT_THAT(no_unit.body, HasSubstr("value=\"Utan enhet\""));
  EXPECT_EQ(round_count(), rounds_before);
  auto expired = save(*coordinator_, "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + std::string(64, 'a') +
                                         "&ny-omgang=X&enhet=" + std::to_string(unit_id("Miljöförvaltningen")));
  EXPECT_EQ(expired.status, 422);
}

TEST_F(ImportTest, BadFilesGiveTheFormWithErrorsAndSaveNothing) {
  const auto rounds_before = round_count();
  auto unknown = upload(*coordinator_, csrf(), {{"plan.rtf", "whatever"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_THAT(unknown.body, HasSubstr("Det finns fel"));
  EXPECT_THAT(unknown.body, HasSubstr("role=\"alert\""));
  EXPECT_THAT(unknown.body, HasSubstr("plan.rtf: okänd filtyp")) << unknown.body;
  EXPECT_THAT(unknown.body, HasSubstr("href=\"#filer\""));

  auto damaged = upload(*coordinator_, csrf(), {{"trasig.docx", "not a zip"}});
  EXPECT_EQ(damaged.status, 422);
  EXPECT_THAT(damaged.body, HasSubstr("trasig.docx:"));

  auto none = upload(*coordinator_, csrf(), {});
  EXPECT_EQ(none.status, 400);
  EXPECT_THAT(none.body, HasSubstr("Välj minst en fil"));

  auto broken = fetch(port(), "POST", "/import", "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(),
                      "Cookie: " + *coordinator_ + "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary + "\r\n");
  EXPECT_GE(broken.status, 400);  // truncated: no token readable, so 403; never a crash
  EXPECT_LT(broken.status, 500);
  EXPECT_EQ(round_count(), rounds_before);
}

TEST_F(ImportTest, FileNamesWithSwedishLettersAndTwoFiles) {
  auto preview = upload(*coordinator_, csrf(),
                        {{"Miljöförvaltningen år 2024.txt", testing::seed_followup()}, {"kopia.TXT", testing::seed_followup()}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("<caption>Miljöförvaltningen år 2024.txt</caption>"));
  EXPECT_THAT(preview.body, HasSubstr("<caption>kopia.TXT</caption>"));
}

// Import goes through the rules of the answering page and the round builder: a coordinator on
// Miljö- och klimatnämnden may not write past a lock by uploading a file. Each refused save
// answers 409 with the page's own message and leaves every table as it was.
class ImportRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = service::add_user(demo_.store(),
                                  service::NewUser{.email = "namndsamordnare@demo.uppsikt.se", .name = "Nora Nämnd",
                                                   .password = "ett långt lösenord för testet", .role = Role::coordinator,
                                                   .unit = "Miljö- och klimatnämnden"},
                                  service::Actor{});
    ASSERT_TRUE(made.ok()) << made.message();
    cookie_ = demo_.sign_in("namndsamordnare@demo.uppsikt.se", "ett långt lösenord för testet");
  }

  // Uploads `text` and saves it into `round` for Miljöförvaltningen.
  Fetched import_into(Id round, const std::string& text) {
    const std::string headers = "Cookie: " + cookie_ + "\r\n";
    const auto csrf = csrf_of(demo_.get("/import", cookie_).body);
    auto preview = fetch(demo_.port(), "POST", "/import", multipart_body(csrf, {{"miljo.txt", text}}),
                         headers + "Content-Type: multipart/form-data; boundary=" + kBoundary + "\r\n");
    EXPECT_EQ(preview.status, 200) << preview.body;
    return fetch(demo_.port(), "POST", "/import/spara",
                 "_csrf=" + csrf_of(preview.body) + "&uppladdning=" + hidden_of(preview.body, "uppladdning") +
                     "&omgang=" + std::to_string(round) + "&enhet=" + std::to_string(demo_.unit_id("Miljöförvaltningen")),
                 headers + testing::kFormContentType);
  }

  // What a refused import must leave alone: every round with its questions, responses (status,
  // version, edition) and answers, every document with its areas and items.
  std::vector<std::string> records() {
    std::vector<std::string> out;
    auto tx = demo_.store().begin_read();
    for (const auto& round : tx->rounds()) {
      out.push_back("round " + round.name + " " + std::string(to_code(round.status)));
      for (const auto& q : tx->questions(round.id)) out.push_back("question " + std::to_string(q.id) + " " + q.text);
      for (const auto& r : tx->responses(round.id)) {
        out.push_back("response " + std::to_string(r.id) + " " + std::string(to_code(r.status)) + " v" +
                      std::to_string(r.version) + " e" + std::to_string(r.edition));
        for (const auto& a : tx->answers(r.id))
          out.push_back("answer " + std::to_string(a.question_id) + " " + a.choice + " v" + std::to_string(a.version) +
                        " " + a.comment);
        out.push_back("kept " + std::to_string(tx->handed_in_answers(r.id, r.edition).size()));
      }
    }
    for (const auto& d : tx->documents()) {
      out.push_back("document " + d.title);
      for (const auto& n : tx->nodes(d.id)) out.push_back("node " + n.number + " " + n.title);
    }
    return out;
  }

  void set_status(Id round, ResponseStatus status) {
    auto tx = demo_.store().begin();
    auto r = *tx->response_of(round, demo_.unit_id("Miljöförvaltningen"));
    r.status = status;
    tx->update_response(r, r.version);
    tx->commit();
  }

  testing::DemoServer demo_;
  std::string cookie_;
};

TEST_F(ImportRulesTest, APublishedRoundIsRefusedAndUnchanged) {
  const auto before = records();
  auto refused = import_into(demo_.round_id("Uppföljning 2023"), testing::seed_followup());
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, ::testing::HasSubstr("Omgången är publicerad och kan inte ändras."));
  EXPECT_THAT(refused.body, ::testing::HasSubstr("Inget sparades"));
  EXPECT_EQ(records(), before);
}

TEST_F(ImportRulesTest, AnApprovedResponseInAnOpenRoundIsRefused) {
  const Id round = demo_.round_id("Uppföljning 2024");
  set_status(round, ResponseStatus::approved);
  std::string changed = testing::seed_followup();
  const auto at = changed.find(" Ja \n");
  ASSERT_NE(at, std::string::npos);
  changed.replace(at + 1, 2, "Nej");  // one answer differs from what was approved
  const auto before = records();
  auto refused = import_into(round, changed);
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, ::testing::HasSubstr("Svaret är inlämnat och låst."));
  EXPECT_EQ(records(), before);
}

TEST_F(ImportRulesTest, AClosedRoundIsRefused) {
  const Id round = demo_.round_id("Uppföljning 2024");
  {
    auto tx = demo_.store().begin();
    auto r = *tx->round(round);
    r.status = RoundStatus::closed;
    tx->update_round(r);
    tx->commit();
  }
  std::string changed = testing::seed_followup();
  changed.replace(changed.find(" Ja \n") + 1, 2, "Nej");
  const auto before = records();
  auto refused = import_into(round, changed);
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, ::testing::HasSubstr("Omgången är stängd."));
  EXPECT_EQ(records(), before);
}

TEST_F(ImportRulesTest, NoQuestionIsAddedToARoundThePersonDoesNotManage) {
  std::string edited = testing::seed_followup();
  const std::string question = "Är ert arbete kunskapsbaserat?";
  const auto at = edited.find(question);
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, question.size(), "Är ert arbete alltid kunskapsbaserat?");
  const auto before = records();
  auto refused = import_into(demo_.round_id("Uppföljning 2024"), edited);
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, ::testing::HasSubstr("du kan inte ändra omgångens frågor"));
  EXPECT_EQ(records(), before);
}

TEST_F(ImportRulesTest, TheSameFileIntoAnOpenDraftResponseIsSaved) {
  auto saved = import_into(demo_.round_id("Uppföljning 2024"), testing::seed_followup());
  EXPECT_EQ(saved.status, 200) << saved.body;
  EXPECT_THAT(saved.body, ::testing::HasSubstr("Importen är klar"));
}

}  // namespace
}  // namespace uppsikt::web
