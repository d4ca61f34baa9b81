// The answering page over real HTTP, as the demo respondent, approver and coordinator: the
// form, saving without JavaScript (redirect with anchor and message), the error summary, the
// conflict view, the autosave's JSON, hand-in and approval.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/demo_server.h"
#include "web/format.h"

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
  EXPECT_NE(page.body.find("<p>Fråga samordnaren vid tveksamhet.</p>"), std::string::npos);
  EXPECT_LT(at, page.body.find("name=\"svar-")) << "above the questions";
  EXPECT_NE(page.body.find("<span class=\"uppsikt-question__number\">Fråga 1</span> "), std::string::npos)
      << "numbered as in the report";
}

TEST_F(AnsweringPageTest, RespondentGetsTheFormOthersTheReadView) {
  const auto respondent = demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent");
  auto page = get(path("Miljöförvaltningen"), respondent);
  ASSERT_EQ(page.status, 200);
  const auto [q, answer] = first_answer("Miljöförvaltningen");
  EXPECT_NE(page.body.find("<legend class=\"label fieldset__label\">Svar"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"svar-" + std::to_string(q) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"kommentar-" + std::to_string(q) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("Skriv inte namn eller andra personuppgifter"), std::string::npos);
  EXPECT_NE(page.body.find("<h2 id=\"avsnitt-rubrik\""), std::string::npos);  // the task list
  EXPECT_NE(page.body.find("Uppföljning 2023"), std::string::npos);           // last round beside
  EXPECT_NE(page.body.find("name=\"kopiera\""), std::string::npos);
  EXPECT_NE(page.body.find("/static/autosave."), std::string::npos);
  EXPECT_NE(page.body.find("Sista svarsdagen har passerat"), std::string::npos);

  const auto approver = demo_->sign_in("godkannare@demo.uppsikt.se", "demo-approver");
  auto read = get(path("Miljöförvaltningen"), approver);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.body.find("name=\"svar-"), std::string::npos);
  EXPECT_NE(read.body.find("välfärdsbrottslighet.</p><p>Problematiken"), std::string::npos);  // two paragraphs
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
  EXPECT_NE(after.body.find("Sparat "), std::string::npos);
  EXPECT_NE(after.body.find("Arbetet pågår.\n\nMer i vår.</textarea>"), std::string::npos);
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
  EXPECT_NE(bad.body.find("class=\"error-list\""), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#svar-" + std::to_string(q) + "-1\""), std::string::npos);
  EXPECT_NE(bad.body.find("Välj ett av svarsalternativen."), std::string::npos);
  EXPECT_NE(bad.body.find("Min text</textarea>"), std::string::npos);  // what was typed stays
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
  EXPECT_NE(late.body.find("Svaret har ändrats av någon annan"), std::string::npos);
  EXPECT_NE(late.body.find("Först sparat."), std::string::npos);
  EXPECT_NE(late.body.find("Mitt eget.</textarea>"), std::string::npos);
  EXPECT_NE(late.body.find("Sparat av dig, i en annan flik"), std::string::npos) << "the same person, another tab";
  EXPECT_NE(late.body.find("Du sparade ett svar i en annan flik medan du skrev här."), std::string::npos);
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
  auto handed = post(page_path, respondent, csrf_of(page.body), "lamna_in=1");
  ASSERT_EQ(handed.status, 303) << handed.body.substr(0, 2000);
  EXPECT_NE(handed.headers["location"].find("?klart=inlamnat"), std::string::npos);
  auto locked = get(page_path, respondent);
  EXPECT_EQ(locked.body.find("name=\"svar-"), std::string::npos);
  EXPECT_NE(locked.body.find("väntar på godkännande"), std::string::npos);

  auto review = get(page_path, approver);
  auto empty = post(page_path + "/skicka-tillbaka", approver, csrf_of(review.body), "meddelande=");
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("href=\"#meddelande-skicka-tillbaka\""), std::string::npos);
  EXPECT_NE(empty.body.find("id=\"meddelande-skicka-tillbaka\" name=\"meddelande\" rows=\"3\" aria-invalid=\"true\" "
                            "aria-describedby=\"meddelande-skicka-tillbaka-fel\""),
            std::string::npos)
      << "the field is marked and described by its message";
  auto back = post(page_path + "/skicka-tillbaka", approver, csrf_of(review.body),
                          "meddelande=" + query_escape("Utveckla svaret om kartläggning."));
  EXPECT_EQ(back.status, 303);
  auto reopened = get(page_path, respondent);
  EXPECT_NE(reopened.body.find("Utveckla svaret om kartläggning."), std::string::npos);
  EXPECT_NE(reopened.body.find("name=\"svar-"), std::string::npos);
  EXPECT_NE(reopened.body.find("/inlamnat/1\""), std::string::npos);  // the handed-in edition
  EXPECT_EQ(get(page_path + "/inlamnat/1", respondent).status, 200);

  EXPECT_EQ(post(page_path, respondent, csrf_of(reopened.body), "lamna_in=1").status, 303);
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
  EXPECT_NE(get(page_path, approver).body.find("Godkänd"), std::string::npos);

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
  auto bad = post(page_path, admin, csrf_of(page.body), answer_fields(q, "Nej", "", answer.version) + "&lamna_in=1");
  {
    auto tx = demo_->store().begin();
    tx->update_question(original);
    tx->commit();
  }
  EXPECT_EQ(bad.status, 422);
  const std::string id = std::to_string(q);
  EXPECT_NE(bad.body.find("id=\"fel\" autofocus"), std::string::npos) << "the summary takes the focus";
  EXPECT_NE(bad.body.find("href=\"#kommentar-" + id + "\""), std::string::npos);
  EXPECT_NE(bad.body.find("<div class=\"textarea-field textarea-field--error\">"), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"kommentar-" + id + "-fel\">Skriv en kommentar till svaret Nej.</span>"), std::string::npos);
  EXPECT_NE(bad.body.find("aria-describedby=\"kommentar-" + id + "-fel kommentar-" + id + "-hjalp kommentar-" + id +
                          "-antal\" aria-invalid=\"true\""),
            std::string::npos);
  EXPECT_EQ(bad.body.find("aria-describedby=\"fel-" + id + "\""), std::string::npos) << "not on the options";
  EXPECT_NE(bad.body.find("<span class=\"badge badge--error\">Har fel</span>"), std::string::npos);
}

}  // namespace
}  // namespace uppsikt::web
