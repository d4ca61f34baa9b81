// The answering page over real HTTP, as the demo respondent, approver and coordinator: the
// form, saving without JavaScript (redirect with anchor and message), the error summary, the
// conflict view, the autosave's JSON, hand-in and approval.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/demo_server.h"
#include "web/infra/format.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::csrf_of;
using testing::Fetched;

// The value of the hidden field `name` in a page, or "".
std::string hidden_of(const std::string& body, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  auto at = body.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return body.substr(at, body.find('"', at) - at);
}

class AnsweringPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new testing::DemoServer; }
  static void TearDownTestSuite() { delete demo_; }

  static Fetched get(const std::string& target, const std::string& cookie, const std::string& headers = "") {
    return testing::fetch(demo_->port(), "GET", target, "", "Cookie: " + cookie + "\r\n" + headers);
  }
  // A form POST; `body` without the _csrf field, which is added from `csrf`.
  static Fetched post(const std::string& target, const std::string& cookie, const std::string& csrf,
                      const std::string& body, const std::string& headers = "") {
    return testing::fetch(demo_->port(), "POST", target, "_csrf=" + csrf + (body.empty() ? "" : "&" + body),
                          "Cookie: " + cookie + "\r\n" + testing::kFormContentType + headers);
  }

  static Id round_id() { return demo_->store().begin_read()->round_by_name("Uppföljning 2024")->id; }
  static Id unit_id(const std::string& name) { return demo_->store().begin_read()->unit_by_name(name)->id; }
  static std::string path(const std::string& unit) {
    return "/omgangar/" + std::to_string(round_id()) + "/svar/" + std::to_string(unit_id(unit));
  }
  // The first question of the unit's response and its answer as stored.
  static std::pair<Id, Answer> first_answer(const std::string& unit) {
    auto tx = demo_->store().begin_read();
    auto response = tx->response_of(round_id(), unit_id(unit));
    auto question = tx->questions(round_id()).at(0);
    for (const auto& a : tx->answers(response->id))
      if (a.question_id == question.id) return {question.id, a};
    return {question.id, Answer{.version = 0}};
  }
  // The fields of one answer as the form posts them.
  static std::string answer_fields(Id q, const std::string& choice, const std::string& comment, int version) {
    const std::string id = std::to_string(q);
    return "version-" + id + "=" + std::to_string(version) + "&svar-" + id + "=" + query_escape(choice) +
           "&kommentar-" + id + "=" + query_escape(comment);
  }

  static inline testing::DemoServer* demo_;
};

const char* const kAdmin[] = {"admin@demo.uppsikt.se", "demo-admin"};

TEST_F(AnsweringPageTest, TheRoundsInstructionsStandAboveTheQuestions) {
  {
    auto tx = demo_->store().begin();
    auto round = *tx->round(round_id());
    round.instructions = "Svara för hela förvaltningen.\n\nFråga samordnaren vid tveksamhet.";
    tx->update_round(round);
    tx->commit();
  }
  const auto respondent = demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
  auto page = get(path("Miljöförvaltningen"), respondent);
  ASSERT_EQ(page.status, 200);
  const auto at = page.body.find("<p>Svara för hela förvaltningen.</p>");
  ASSERT_NE(at, std::string::npos);
  EXPECT_THAT(page.body, HasSubstr("<p>Fråga samordnaren vid tveksamhet.</p>"));
  EXPECT_LT(at, page.body.find("name=\"svar-")) << "above the questions";
  EXPECT_THAT(page.body, HasSubstr("<span class=\"uppsikt-question__number\">Fråga 1</span> "))
      << "numbered as in the report";
}

TEST_F(AnsweringPageTest, RespondentGetsTheFormOthersTheReadView) {
  const auto respondent = demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
  auto page = get(path("Miljöförvaltningen"), respondent);
  ASSERT_EQ(page.status, 200);
  const auto [q, answer] = first_answer("Miljöförvaltningen");
  EXPECT_THAT(page.body, HasSubstr("<legend class=\"label fieldset__label\">Svar"));
  EXPECT_THAT(page.body, HasSubstr("name=\"svar-" + std::to_string(q) + "\""));
  EXPECT_THAT(page.body, HasSubstr("id=\"kommentar-" + std::to_string(q) + "\""));
  EXPECT_THAT(page.body, HasSubstr("Skriv inte namn eller andra personuppgifter"));
  EXPECT_THAT(page.body, HasSubstr("<h2 id=\"avsnitt-rubrik\""));  // the task list
  EXPECT_THAT(page.body, HasSubstr("Uppföljning 2023"));           // last round beside
  EXPECT_THAT(page.body, HasSubstr("name=\"kopiera\""));
  EXPECT_THAT(page.body, HasSubstr("/static/autosave."));
  EXPECT_THAT(page.body, HasSubstr("Sista svarsdagen har passerat"));

  const auto approver = demo_->sign_in("godkannare@demo.uppsikt.se", "demo-approver");
  auto read = get(path("Miljöförvaltningen"), approver);
  EXPECT_EQ(read.status, 200);
  EXPECT_THAT(read.body, Not(HasSubstr("name=\"svar-")));
  EXPECT_THAT(read.body, HasSubstr("välfärdsbrottslighet.</p><p>Problematiken"));  // two paragraphs
  EXPECT_EQ(get(path("Kulturförvaltningen"), respondent).status, 404);  // another unit's
}

TEST_F(AnsweringPageTest, FormPostSavesAndReturnsToTheSectionWithAMessage) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Utbildningsförvaltningen");
  auto page = get(page_path, admin);
  const auto [q, answer] = first_answer("Utbildningsförvaltningen");
  const std::string check = hidden_of(page.body, "kontroll-" + std::to_string(q));
  ASSERT_FALSE(check.empty());
  auto saved = post(page_path, admin, csrf_of(page.body),
                           answer_fields(q, "Delvis", "Arbetet pågår.\r\n\r\nMer i vår.", answer.version) +
                               "&kontroll-" + std::to_string(q) + "=" + check + "&till=avsnitt-1.1");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_TRUE(std::regex_search(saved.headers["location"], std::regex(R"(\?sparat=\d\d\.\d\d&till=avsnitt-1\.1#avsnitt-1\.1$)")))
      << saved.headers["location"];
  auto after = get(saved.headers["location"].substr(0, saved.headers["location"].find('#')), admin);
  EXPECT_THAT(after.body, HasSubstr("Sparat "));
  EXPECT_THAT(after.body, HasSubstr("Arbetet pågår.\n\nMer i vår.</textarea>"));
  EXPECT_EQ(first_answer("Utbildningsförvaltningen").second.version, answer.version + 1);
}

TEST_F(AnsweringPageTest, UnchangedAnswersInTheFormAreNotSaved) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Bostads AB Poseidon");
  auto page = get(page_path, admin);
  const auto [q, answer] = first_answer("Bostads AB Poseidon");
  const std::string id = std::to_string(q);
  auto posted = post(page_path, admin, csrf_of(page.body),
                            answer_fields(q, answer.choice, answer.comment, answer.version) + "&kontroll-" + id + "=" +
                                hidden_of(page.body, "kontroll-" + id));
  EXPECT_EQ(posted.status, 303);
  EXPECT_EQ(first_answer("Bostads AB Poseidon").second.version, answer.version);
}

TEST_F(AnsweringPageTest, CopyButtonTakesLastRoundsAnswerWithoutJavaScript) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Higab AB");
  auto page = get(page_path, admin);
  const auto [q, answer] = first_answer("Higab AB");
  const std::string id = std::to_string(q);
  const std::string previous_choice = hidden_of(page.body, "forra-svar-" + id);
  ASSERT_FALSE(previous_choice.empty()) << "no answer from 2023 beside the question";
  auto copied = post(page_path, admin, csrf_of(page.body),
                            answer_fields(q, "", "", answer.version) + "&kopiera=" + id + "&forra-svar-" + id + "=" +
                                query_escape(previous_choice) + "&forra-kommentar-" + id + "=" +
                                query_escape("Förra årets kommentar."));
  EXPECT_EQ(copied.status, 303);
  EXPECT_EQ(first_answer("Higab AB").second.choice, previous_choice);
  EXPECT_EQ(first_answer("Higab AB").second.comment, "Förra årets kommentar.");
}

TEST_F(AnsweringPageTest, BadAnswerShowsTheErrorSummaryLinkedToTheField) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Utbildningsförvaltningen");
  auto page = get(page_path, admin);
  const auto [q, answer] = first_answer("Utbildningsförvaltningen");
  auto bad = post(page_path, admin, csrf_of(page.body), answer_fields(q, "Kanske", "Min text", answer.version));
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("class=\"error-list\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#svar-" + std::to_string(q) + "-1\""));
  EXPECT_THAT(bad.body, HasSubstr("Välj ett av svarsalternativen."));
  EXPECT_THAT(bad.body, HasSubstr("Min text</textarea>"));  // what was typed stays
  EXPECT_EQ(first_answer("Utbildningsförvaltningen").second.version, answer.version);
}

TEST_F(AnsweringPageTest, SaveAgainstAnOlderVersionShowsBothTexts) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Förskoleförvaltningen");
  auto page = get(page_path, admin);
  const auto [q, answer] = first_answer("Förskoleförvaltningen");
  ASSERT_EQ(post(page_path, admin, csrf_of(page.body), answer_fields(q, "Ja", "Först sparat.", answer.version))
                .status,
            303);
  auto late = post(page_path, admin, csrf_of(page.body), answer_fields(q, "Nej", "Mitt eget.", answer.version));
  EXPECT_EQ(late.status, 409);
  EXPECT_THAT(late.body, HasSubstr("Svaret har ändrats av någon annan"));
  EXPECT_THAT(late.body, HasSubstr("Först sparat."));
  EXPECT_THAT(late.body, HasSubstr("Mitt eget.</textarea>"));
  EXPECT_THAT(late.body, HasSubstr("Sparat av dig, i en annan flik")) << "the same person, another tab";
  EXPECT_THAT(late.body, HasSubstr("Du sparade ett svar i en annan flik medan du skrev här."));
  // Saving from the conflict view, based on the version saved meanwhile, goes through.
  const std::string merged = answer_fields(q, "Nej", "Sammanfogat.", answer.version + 1);
  EXPECT_EQ(post(page_path, admin, csrf_of(page.body), merged).status, 303);
  EXPECT_EQ(first_answer("Förskoleförvaltningen").second.comment, "Sammanfogat.");
}

TEST_F(AnsweringPageTest, AutosaveGetsJsonWithTheNewVersionOrTheConflict) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Stadsbyggnadskontoret");
  auto page = get(page_path, admin);
  const auto [q, answer] = first_answer("Stadsbyggnadskontoret");
  const std::string json = "Accept: application/json\r\n";
  auto saved = post(page_path, admin, csrf_of(page.body), answer_fields(q, "Ja", "Autosparat.", answer.version), json);
  EXPECT_EQ(saved.status, 200);
  EXPECT_EQ(saved.headers["content-type"], "application/json; charset=utf-8");
  auto reply = nlohmann::json::parse(saved.body);
  EXPECT_EQ(reply["status"], "saved");
  EXPECT_EQ(reply["version"], answer.version + 1);
  EXPECT_TRUE(std::regex_match(reply["saved_at"].get<std::string>(), std::regex(R"(\d\d\.\d\d)")));
  auto stale = post(page_path, admin, csrf_of(page.body), answer_fields(q, "Nej", "Annat.", answer.version), json);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(nlohmann::json::parse(stale.body)["status"], "conflict");
  EXPECT_EQ(nlohmann::json::parse(stale.body)["changed_by"], "Ada Administratör");
  EXPECT_EQ(post(page_path, admin, "fel", answer_fields(q, "Nej", "Utan token.", answer.version + 1), json).status, 403);
}

TEST_F(AnsweringPageTest, HandInThenApproverSendsBackAndApproves) {
  const auto respondent = demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
  const auto approver = demo_->sign_in("godkannare@demo.uppsikt.se", "demo-approver");
  const std::string page_path = path("Miljöförvaltningen");
  auto page = get(page_path, respondent);
  auto handed = post(page_path, respondent, csrf_of(page.body), "lamna-in=1");
  ASSERT_EQ(handed.status, 303) << handed.body.substr(0, 2000);
  EXPECT_THAT(handed.headers["location"], HasSubstr("?klart=inlamnat"));
  auto locked = get(page_path, respondent);
  EXPECT_THAT(locked.body, Not(HasSubstr("name=\"svar-")));
  EXPECT_THAT(locked.body, HasSubstr("väntar på godkännande"));

  auto review = get(page_path, approver);
  auto empty = post(page_path + "/skicka-tillbaka", approver, csrf_of(review.body), "meddelande=");
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("href=\"#meddelande-skicka-tillbaka\""));
  EXPECT_THAT(empty.body, HasSubstr("id=\"meddelande-skicka-tillbaka\" name=\"meddelande\" rows=\"3\" aria-invalid=\"true\" "
                            "aria-describedby=\"meddelande-skicka-tillbaka-fel\""))
      << "the field is marked and described by its message";
  auto back = post(page_path + "/skicka-tillbaka", approver, csrf_of(review.body),
                          "meddelande=" + query_escape("Utveckla svaret om kartläggning."));
  EXPECT_EQ(back.status, 303);
  auto reopened = get(page_path, respondent);
  EXPECT_THAT(reopened.body, HasSubstr("Utveckla svaret om kartläggning."));
  EXPECT_THAT(reopened.body, HasSubstr("name=\"svar-"));
  EXPECT_THAT(reopened.body, HasSubstr("/inlamnat/1\""));  // the handed-in edition
  EXPECT_EQ(get(page_path + "/inlamnat/1", respondent).status, 200);

  EXPECT_EQ(post(page_path, respondent, csrf_of(reopened.body), "lamna-in=1").status, 303);
  EXPECT_EQ(post(page_path + "/godkann", respondent, csrf_of(reopened.body), "").status, 403);
  // Approving asks first, without JavaScript; only bekrafta=ja approves.
  auto asked = post(page_path + "/godkann", approver, csrf_of(review.body), "");
  EXPECT_EQ(asked.status, 200);
  EXPECT_THAT(asked.body, HasSubstr("<li>Svaret från Miljöförvaltningen godkänns och låses."));
  EXPECT_THAT(asked.body, HasSubstr("<input type=\"hidden\" name=\"bekrafta\" value=\"ja\">"));
  EXPECT_THAT(get(page_path, approver).body, Not(HasSubstr("Godkänd")));
  auto approved = post(page_path + "/godkann", approver, csrf_of(review.body), "bekrafta=ja");
  EXPECT_EQ(approved.status, 303);
  EXPECT_THAT(get(approved.headers["location"], approver).body, HasSubstr("Svaret är godkänt."));
  EXPECT_THAT(get(page_path, approver).body, HasSubstr("Godkänd"));

  // A coordinator's return asks first and carries the message to the confirmation.
  const auto coordinator = demo_->sign_in("samordnare@demo.uppsikt.se", "demo-coordinator");
  const auto csrf = csrf_of(get(page_path, coordinator).body);
  auto returning = post(page_path + "/atersand", coordinator, csrf, "meddelande=Fyll+i+siffrorna.");
  EXPECT_EQ(returning.status, 200);
  EXPECT_THAT(returning.body, HasSubstr("återsänds till enheten med ditt meddelande"));
  EXPECT_THAT(returning.body, HasSubstr("<input type=\"hidden\" name=\"meddelande\" value=\"Fyll i siffrorna.\">"));
  EXPECT_THAT(get(page_path, coordinator).body, HasSubstr("Godkänd")) << "not returned before it is confirmed";
  auto returned = post(page_path + "/atersand", coordinator, csrf, "meddelande=Fyll+i+siffrorna.&bekrafta=ja");
  EXPECT_EQ(returned.status, 303);
  EXPECT_THAT(get(returned.headers["location"], coordinator).body, HasSubstr("Svaret är återsänt till enheten."));
  EXPECT_EQ(post(page_path + "/okant", approver, csrf_of(review.body), "").status, 404);
}

// Last in the suite: it makes the first question's comment required for Nej, and puts it back.
TEST_F(AnsweringPageTest, AMissingCommentAtHandInIsMarkedOnTheCommentField) {
  const auto admin = demo_->sign_in(kAdmin[0], kAdmin[1]);
  const std::string page_path = path("Utbildningsförvaltningen");
  const auto [q, answer] = first_answer("Utbildningsförvaltningen");
  Question original;
  {
    auto tx = demo_->store().begin();
    original = tx->questions(round_id()).at(0);
    auto required = original;
    required.comment_rule = CommentRule::required_for_some;
    required.comment_required_for = {"Nej"};
    tx->update_question(required);
    tx->commit();
  }
  auto page = get(page_path, admin);
  auto bad = post(page_path, admin, csrf_of(page.body), answer_fields(q, "Nej", "", answer.version) + "&lamna-in=1");
  {
    auto tx = demo_->store().begin();
    tx->update_question(original);
    tx->commit();
  }
  EXPECT_EQ(bad.status, 422);
  const std::string id = std::to_string(q);
  EXPECT_THAT(bad.body, HasSubstr("id=\"fel\" autofocus")) << "the summary takes the focus";
  EXPECT_THAT(bad.body, HasSubstr("href=\"#kommentar-" + id + "\""));
  EXPECT_THAT(bad.body, HasSubstr("<div class=\"textarea-field textarea-field--error\">"));
  EXPECT_THAT(bad.body, HasSubstr("id=\"kommentar-" + id + "-fel\">Skriv en kommentar till svaret Nej.</span>"));
  EXPECT_THAT(bad.body, HasSubstr("aria-describedby=\"kommentar-" + id + "-fel kommentar-" + id + "-hjalp kommentar-" + id +
                          "-antal\" aria-invalid=\"true\""));
  EXPECT_THAT(bad.body, Not(HasSubstr("aria-describedby=\"fel-" + id + "\""))) << "not on the options";
  EXPECT_THAT(bad.body, HasSubstr("<span class=\"badge badge--error\">Har fel</span>"));
}

}  // namespace
}  // namespace uppsikt::web
