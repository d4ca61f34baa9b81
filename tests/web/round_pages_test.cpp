// The coordinator's round pages over real HTTP on the demo city: a new round from the
// documents, a question with an audience, opening it, the status board with its filters and
// the units not handed in, and "Mina uppföljningar"; errors come back as a summary linking
// to the fields, others' requests as 404, forms without the CSRF token as 403.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RoundPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    coordinator_ = new std::string(demo_->sign_in("samordnare@demo.uppsikt.se", "demo-coordinator"));
    respondent_ = new std::string(demo_->sign_in("svarande@demo.uppsikt.se", "demo-respondent"));
  }
  static void TearDownTestSuite() {
    delete coordinator_;
    delete respondent_;
    delete demo_;
  }
  static testing::Fetched get(const std::string& target, const std::string& cookie = *coordinator_) {
    return demo_->get(target, cookie);
  }
  // Posts `fields` with the CSRF token of the page at `form_page`, as the signed-in person.
  static testing::Fetched post(const std::string& target, const std::string& fields,
                               const std::string& form_page = "/", const std::string& cookie = *coordinator_) {
    const auto csrf = testing::csrf_of(get(form_page, cookie).body);
    return demo_->post(target, "_csrf=" + csrf + "&" + fields, cookie);
  }
  static Id unit(const std::string& name) { return store().begin_read()->unit_by_name(name)->id; }
  static Id first_item() {
    auto tx = store().begin_read();
    for (const auto& d : tx->documents())
      for (const auto& n : tx->nodes(d.id))
        if (n.kind == NodeKind::item) return n.id;
    return 0;
  }

  // A round of Miljöförvaltningen (the demo respondent's unit) with one question, its deadline
  // passed, made on the pages and opened when asked. Returns its address, "/omgangar/N".
  static std::string made_round(const std::string& name_query, bool open) {
    auto created = post("/omgangar", "namn=" + name_query + "&ar=2031&sista-svarsdag=2025-11-30&enheter=" +
                                         std::to_string(unit("Miljöförvaltningen")) +
                                         "&punkter=" + std::to_string(first_item()));
    EXPECT_EQ(created.status, 303) << created.body;
    const std::string builder = created.headers["location"];
    const std::string base = builder.substr(0, builder.find("/bygg"));
    if (open) {
      EXPECT_EQ(post(base + "/oppna", "bekrafta=ja").status, 303);
    }
    return base;
  }

  static store::Store& store() { return demo_->store(); }

  static inline testing::DemoServer* demo_;
  static inline std::string* coordinator_;
  static inline std::string* respondent_;
};

TEST_F(RoundPagesTest, CoordinatorBuildsOpensAndFollowsARound) {
  auto form = get("/omgangar/ny");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"punkter\""));
  EXPECT_THAT(form.body, HasSubstr("Miljöförvaltningen"));

  const auto units = "enheter=" + std::to_string(unit("Miljöförvaltningen")) + "&enheter=" +
                     std::to_string(unit("Miljö- och klimatnämnden"));
  auto created = post("/omgangar", "namn=Uppf%C3%B6ljning+2025&ar=2025&sista-svarsdag=2025-11-30&" + units +
                                       "&punkter=" + std::to_string(first_item()));
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string builder = created.headers["location"];
  ASSERT_TRUE(builder.ends_with("/bygg")) << builder;
  const std::string base = builder.substr(0, builder.size() - 5);
  EXPECT_THAT(get(builder).body, HasSubstr("Har ni arbetat med"));

  auto added = post(base + "/fragor",
                    "fraga=Har+ni+ett+lokalt+kompetensteam%3F&malgrupp=typer&malgrupp-typer=namnd&malgrupp-typer=styrelse",
                    builder);
  ASSERT_EQ(added.status, 303) << added.body;
  // The builder it lands on says the question was added, where the #fragor anchor lands.
  EXPECT_EQ(added.headers["location"], builder + "?klart=fraga-tillagd#fragor");
  EXPECT_THAT(get(builder + "?klart=fraga-tillagd").body,
              HasSubstr("id=\"fragor\" tabindex=\"-1\">Frågor</h2>\n<div class=\"message-box message-box--success\" "
                        "role=\"status\"><p class=\"message-box__content\">Frågan är tillagd.</p>"));
  EXPECT_THAT(get(builder).body, Not(HasSubstr("Frågan är tillagd."))) << "once, after the change";
  auto page = get(builder);
  EXPECT_THAT(page.body, HasSubstr("Har ni ett lokalt kompetensteam?"));
  EXPECT_THAT(page.body, HasSubstr("(samtliga nämnder och styrelser)"));

  auto bad = post(base + "/fragor", "fraga=&malgrupp=typer", builder);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#fraga\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#malgrupp-typer\""));
  EXPECT_THAT(bad.body, HasSubstr("id=\"malgrupp-typer\""));
  // What was typed comes back with the errors.
  auto half = post(base + "/fragor", "fraga=Min+halvskrivna+fr%C3%A5ga&malgrupp=typer", builder);
  EXPECT_EQ(half.status, 422);
  EXPECT_THAT(half.body, HasSubstr(">Min halvskrivna fråga</textarea>"));

  // A question on the Ja/Nej scale; the builder says which options each question offers.
  const Id yes_no = store().begin_read()->scale_by_name("Ja/Nej")->id;
  EXPECT_THAT(get(builder).body, HasSubstr("<option value=\"" + std::to_string(yes_no) + "\">Ja/Nej</option>"));
  ASSERT_EQ(post(base + "/fragor", "fraga=Finns+en+plan%3F&malgrupp=alla&svarsalternativ=" + std::to_string(yes_no),
                 builder).status, 303);
  EXPECT_THAT(get(builder).body, HasSubstr("<td class=\"table__column table__column--text\">Ja/Nej</td>"));

  // A question for bolag reaches none of the round's units: the builder says so, and opening
  // needs a confirmation.
  ASSERT_EQ(post(base + "/fragor", "fraga=Bolagsfr%C3%A5ga&malgrupp=typer&malgrupp-typer=bolag", builder).status, 303);
  auto reach = get(builder);
  EXPECT_THAT(reach.body, HasSubstr("<span class=\"badge badge--warning\">Ingen</span> av 2"));
  EXPECT_THAT(reach.body, HasSubstr(">1 av 2</td>")) << "the question for nämnder and styrelser";
  // Opening asks first, without JavaScript: what it does, the unreached question among it,
  // and a form that posts bekrafta=ja; nothing opens until then.
  auto unconfirmed = post(base + "/oppna", "", builder);
  EXPECT_EQ(unconfirmed.status, 200);
  EXPECT_THAT(unconfirmed.body, HasSubstr("<title>Öppna Uppföljning 2025? – Uppsikt</title>"));
  EXPECT_THAT(unconfirmed.body, HasSubstr("<li>Omgångens 2 enheter ser den under Mina uppföljningar och kan börja svara.</li>"));
  EXPECT_THAT(unconfirmed.body, HasSubstr("<li>Fråga 4 når ingen av omgångens enheter: ingen kommer att svara på den.</li>"));
  EXPECT_THAT(unconfirmed.body, HasSubstr("<form method=\"post\" action=\"" + base + "/oppna\""));
  EXPECT_THAT(unconfirmed.body, HasSubstr("<input type=\"hidden\" name=\"bekrafta\" value=\"ja\">"));
  EXPECT_THAT(unconfirmed.body, HasSubstr(">Ja, öppna omgången</button>"));
  EXPECT_THAT(get(base).body, HasSubstr(">Under arbete</dd>")) << "not opened before it is confirmed";
  auto opened = post(base + "/oppna", "bekrafta=ja", builder);
  ASSERT_EQ(opened.status, 303);
  EXPECT_EQ(opened.headers["location"], base + "?klart=oppnad");
  auto board = get(base + "?klart=oppnad");
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("role=\"status\"><p class=\"message-box__content\">Omgången är öppnad."));
  EXPECT_THAT(board.body, HasSubstr("Påminn enheter som inte lämnat in"));
  EXPECT_THAT(board.body, HasSubstr("svarande@demo.uppsikt.se"));
  EXPECT_THAT(board.body, HasSubstr("av 3"));  // the nämnd: the item's question, the one for nämnder, Ja/Nej
  EXPECT_THAT(board.body, HasSubstr("av 2"));  // the förvaltning is not asked the one for nämnder
  auto filtered = get(base + "?slag=namnd");
  EXPECT_THAT(filtered.body, HasSubstr("Miljö- och klimatnämnden"));
  EXPECT_THAT(filtered.body, Not(HasSubstr("href=\"" + base + "/svar/" + std::to_string(unit("Miljöförvaltningen")) + "\"")));
  EXPECT_THAT(board.body, HasSubstr("href=\"mailto:?bcc"));
  ASSERT_EQ(post(base + "/paminn", "", base).status, 303);

  auto mine = get("/mina-uppfoljningar", *respondent_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_THAT(mine.body, HasSubstr("Uppföljning 2025"));
  EXPECT_THAT(mine.body, HasSubstr("2025-11-30"));

  // Closing asks first too, with how many have not handed in.
  auto closing = post(base + "/stang", "", base);
  EXPECT_EQ(closing.status, 200);
  EXPECT_THAT(closing.body, HasSubstr("<li>2 av 2 enheter har inte lämnat in sitt svar.</li>"));
  EXPECT_THAT(closing.body, HasSubstr(">Ja, stäng omgången</button>"));
  auto closed = post(base + "/stang", "bekrafta=ja", base);
  ASSERT_EQ(closed.status, 303);
  EXPECT_THAT(get(closed.headers["location"]).body, HasSubstr("Omgången är stängd. Inga svar kan ändras längre."));
}

TEST_F(RoundPagesTest, AnOpenRoundGetsALaterDeadlineForOneUnitAnotherUnitAndACorrectedQuestion) {
  const std::string base = made_round("R%C3%A4ttas+2031", true);
  const std::string builder = base + "/bygg";
  const Id environment = unit("Miljöförvaltningen");
  auto page = get(builder);
  EXPECT_THAT(page.body, HasSubstr("Förläng svarstiden för en enhet"));
  EXPECT_THAT(page.body, HasSubstr("Lägg till en enhet"));

  // One unit's later deadline: on the board, the unit's answering page and its task list.
  auto refused = post(base + "/forlang", "enhet=" + std::to_string(environment) + "&sista-svarsdag=2025-10-01", builder);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("href=\"#forlang-datum\""));
  EXPECT_THAT(refused.body, HasSubstr("måste vara efter omgångens, 2025-11-30"));
  auto extended = post(base + "/forlang", "enhet=" + std::to_string(environment) + "&sista-svarsdag=2099-12-31", builder);
  ASSERT_EQ(extended.status, 303) << extended.body;
  EXPECT_EQ(extended.headers["location"], base + "?klart=forlangd");
  auto board = get(extended.headers["location"]);
  EXPECT_THAT(board.body, HasSubstr("Enhetens sista svarsdag är sparad."));
  EXPECT_THAT(board.body, HasSubstr("Sista svarsdag förlängd till 2099-12-31"));
  const std::string answering = base + "/svar/" + std::to_string(environment);
  auto own = get(answering, *respondent_);
  EXPECT_THAT(own.body, HasSubstr("2099-12-31 <span class=\"uppsikt-muted\">(förlängd för enheten)</span>"));
  EXPECT_THAT(own.body, Not(HasSubstr("Sista svarsdagen har passerat")));
  EXPECT_THAT(get("/mina-uppfoljningar", *respondent_).body,
              HasSubstr("2099-12-31 <span class=\"uppsikt-muted\">(förlängd)</span>"));

  // Another unit joins the open round.
  const Id committee = unit("Miljö- och klimatnämnden");
  auto added = post(base + "/enheter/lagg-till", "enhet=" + std::to_string(committee), builder);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_THAT(get(added.headers["location"]).body,
              HasSubstr("href=\"" + base + "/svar/" + std::to_string(committee) + "\">Miljö- och klimatnämnden</a>"));
  auto again = post(base + "/enheter/lagg-till", "enhet=" + std::to_string(committee), builder);
  EXPECT_EQ(again.status, 422);
  EXPECT_THAT(again.body, HasSubstr("Miljö- och klimatnämnden deltar redan i omgången"));

  // The question's wording is corrected; those who answer see what it said before.
  const auto question = store().begin_read()->questions(std::stoll(base.substr(10)))[0];
  const std::string edit = base + "/fragor/" + std::to_string(question.id);
  EXPECT_THAT(get(edit).body, HasSubstr("Rätta frågans formulering"));
  auto reworded = post(edit + "/formulering", "fraga=Hur+har+ni+arbetat+med+detta%3F", edit);
  ASSERT_EQ(reworded.status, 303) << reworded.body;
  EXPECT_EQ(reworded.headers["location"], builder + "?klart=fraga-rattad#fragor");
  auto seen = get(answering, *respondent_);
  EXPECT_THAT(seen.body, HasSubstr("Hur har ni arbetat med detta?"));
  EXPECT_THAT(seen.body, HasSubstr("Frågans formulering ändrades"));
  EXPECT_THAT(seen.body, HasSubstr("Tidigare löd den: ”" + question.text + "”"));
}

TEST_F(RoundPagesTest, AMistakenDraftIsDeletedOnlyAfterConfirmation) {
  const std::string base = made_round("Misstag+2031", false);
  auto asked = post(base + "/ta-bort", "", base + "/bygg");
  ASSERT_EQ(asked.status, 200);
  EXPECT_THAT(asked.body, HasSubstr("<title>Ta bort Misstag 2031? – Uppsikt</title>"));
  EXPECT_THAT(asked.body, HasSubstr(">Ja, ta bort utkastet</button>"));
  EXPECT_EQ(get(base).status, 200) << "nothing is deleted before it is confirmed";
  EXPECT_EQ(post(base + "/ta-bort", "bekrafta=ja", "/", *respondent_).status, 404);
  auto deleted = post(base + "/ta-bort", "bekrafta=ja", base + "/bygg");
  ASSERT_EQ(deleted.status, 303);
  EXPECT_EQ(deleted.headers["location"], "/?klart=borttagen");
  EXPECT_THAT(get("/?klart=borttagen").body, HasSubstr("Utkastet är borttaget."));
  EXPECT_EQ(get(base).status, 404);
  EXPECT_FALSE(store().begin_read()->round_by_name("Misstag 2031"));
}

TEST_F(RoundPagesTest, AClosedRoundIsArchivedOutOfTheStartPageAndBack) {
  const std::string base = made_round("Arkiveras+2031", true);
  const std::string link = "href=\"" + base + "\">Arkiveras 2031</a>";
  EXPECT_EQ(post(base + "/arkivera", "", base + "/bygg").status, 422) << "an open round stays on the list";
  ASSERT_EQ(post(base + "/stang", "bekrafta=ja", base).status, 303);
  EXPECT_THAT(get(base + "/bygg").body, HasSubstr(">Arkivera omgången</button>"));
  auto archived = post(base + "/arkivera", "", base + "/bygg");
  ASSERT_EQ(archived.status, 303);
  auto home = get(archived.headers["location"]);
  EXPECT_THAT(home.body, HasSubstr("Omgången är arkiverad."));
  EXPECT_THAT(home.body, Not(HasSubstr(link)));
  EXPECT_THAT(home.body, HasSubstr("<a href=\"/omgangar/arkiverade\">Arkiverade omgångar ("));
  auto list = get("/omgangar/arkiverade");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr(link));
  EXPECT_EQ(get(base).status, 200) << "still readable at its address";
  ASSERT_EQ(post(base + "/avarkivera", "", base + "/bygg").status, 303);
  EXPECT_THAT(get("/").body, HasSubstr(link));
  EXPECT_THAT(get("/omgangar/arkiverade").body, Not(HasSubstr(link)));
}

TEST_F(RoundPagesTest, TheCoordinatorWritesTheAssessmentAndCoverThatEveryFormatOfTheReportCarries) {
  const std::string report = "/omgangar/" + std::to_string(store().begin_read()->round_by_name("Uppföljning 2024")->id) +
                             "/rapport";
  EXPECT_THAT(get(report).body, HasSubstr("href=\"" + report + "/bedomning\">Skriv Stadsledningskontorets bedömning"));
  auto form = get(report + "/bedomning");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("Försättsblad till fullmäktige"));
  EXPECT_THAT(form.body, HasSubstr("id=\"bedomning-round\""));
  EXPECT_THAT(form.body, HasSubstr("name=\"bedomning-question-"));
  EXPECT_EQ(get(report + "/bedomning", *respondent_).status, 404);

  auto bad = post(report + "/bedomning", "datum=14+februari&bedomning-round=Mitt+utkast", report + "/bedomning");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#datum\""));
  EXPECT_THAT(bad.body, HasSubstr(">Mitt utkast</textarea>")) << "what was typed comes back";

  auto saved = post(report + "/bedomning",
                    "avsandare=Stadsledningskontoret&datum=2025-02-14&diarienummer=KS+2025%2F123&"
                    "bedomning-round=Arbetet+g%C3%A5r+fram%C3%A5t.",
                    report + "/bedomning");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.headers["location"], report + "?klart=bedomning");
  auto page = get(saved.headers["location"]);
  EXPECT_THAT(page.body, HasSubstr("Bedömningen är sparad."));
  EXPECT_THAT(page.body, HasSubstr("Stadsledningskontorets bedömning</h2>\n<p>Arbetet går framåt.</p>"));
  EXPECT_THAT(page.body, HasSubstr("<dt>Diarienummer</dt><dd>KS 2025/123</dd>"));
  EXPECT_THAT(get(report + "/exportera/json").body, HasSubstr("\"registration_number\": \"KS 2025/123\""));
  EXPECT_THAT(get(report + "/exportera/csv").body, HasSubstr("Stadsledningskontorets bedömning;;Arbetet går framåt."));
}

TEST_F(RoundPagesTest, ACopyWhoseNameSaysAnotherYearIsConfirmedFirst) {
  const Id round = store().begin_read()->round_by_name("Uppföljning 2023")->id;
  const std::string copy = "/omgangar/" + std::to_string(round) + "/kopiera";
  auto form = get(copy);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"ar-bekraftat\""))) << "the name and the year agree";
  auto warned = post(copy, "namn=Uppf%C3%B6ljning+2030&ar=2024", copy);
  EXPECT_EQ(warned.status, 422);
  EXPECT_THAT(warned.body, HasSubstr("Namnet nämner 2030 men omgångens år är 2024."));
  EXPECT_THAT(warned.body, HasSubstr("href=\"#ar\""));
  EXPECT_THAT(warned.body, HasSubstr("name=\"ar-bekraftat\""));
  EXPECT_FALSE(store().begin_read()->round_by_name("Uppföljning 2030"));
  auto copied = post(copy, "namn=Uppf%C3%B6ljning+2030&ar=2024&ar-bekraftat=ja", copy);
  ASSERT_EQ(copied.status, 303);
  const std::string builder = copied.headers["location"];
  EXPECT_THAT(builder, HasSubstr("/bygg?klart=kopierad"));
  EXPECT_THAT(get(builder).body, HasSubstr("Omgången är kopierad till ett nytt utkast."));
  // Saving the copy's settings says so too.
  const std::string base = builder.substr(0, builder.find("/bygg"));
  auto saved = post(base + "/installningar", "namn=Uppf%C3%B6ljning+2030&ar=2030", builder);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_THAT(get(saved.headers["location"]).body, HasSubstr("Inställningarna är sparade."));
}

TEST_F(RoundPagesTest, CoordinatorsTaskListHasTheResponsesHandedInAndNotYetLookedAt) {
  const Id round = store().begin_read()->round_by_name("Uppföljning 2024")->id;
  const Id unit_id = unit("Idrotts- och föreningsförvaltningen");
  {
    auto tx = store().begin();
    const auto r = tx->response_of(round, unit_id).value();
    tx->update_response_status(r.id, ResponseStatus::submitted, r.version, "2024-10-04T09:00:00Z");
    tx->commit();
  }
  auto mine = get("/mina-uppfoljningar");
  ASSERT_EQ(mine.status, 200);
  EXPECT_THAT(mine.body, HasSubstr("<a href=\"/omgangar/" + std::to_string(round) + "/svar/" + std::to_string(unit_id) +
                                   "\">Uppföljning 2024</a></th>\n      <td class=\"table__column table__column--text\">"
                                   "Idrotts- och föreningsförvaltningen</td>"));
  EXPECT_THAT(mine.body, HasSubstr("<strong>Inlämnat, att granska</strong>"));
  EXPECT_THAT(get("/mina-uppfoljningar", *respondent_).body, Not(HasSubstr("Idrotts- och föreningsförvaltningen")));
}

TEST_F(RoundPagesTest, BadSettingsComeBackWithASummaryLinkingToTheFields) {
  auto bad = post("/omgangar", "namn=&ar=25&sista-svarsdag=30+november", "/omgangar/ny");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("class=\"error-list\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#namn\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#sista-svarsdag\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#enheter\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"30 november\""));
}

TEST_F(RoundPagesTest, RespondentsCannotBuildAndFormsNeedTheirToken) {
  const Id round = store().begin_read()->round_by_name("Uppföljning 2024")->id;
  const std::string base = "/omgangar/" + std::to_string(round);
  EXPECT_EQ(get("/omgangar/ny", *respondent_).status, 404);
  EXPECT_EQ(get(base + "/bygg", *respondent_).status, 404);
  EXPECT_EQ(post(base + "/stang", "", "/", *respondent_).status, 404);
  EXPECT_THAT(get(base, *respondent_).body, Not(HasSubstr("/paminn")));
  auto no_token = demo_->post(base + "/stang", "", *coordinator_);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(get(base + "/kopiera").status, 200);
}

TEST_F(RoundPagesTest, CoordinatorKeepsADocumentAndRespondentsCannot) {
  EXPECT_EQ(get("/dokument/ny", *respondent_).status, 404);
  ASSERT_EQ(get("/dokument/ny").status, 200);
  auto bad = post("/dokument", "titel=&slag=program&beslutsdatum=maj", "/dokument/ny");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#titel\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#beslutsdatum\""));
  auto created = post("/dokument", "titel=Plan+mot+tystnadskultur&slag=plan&period=2025%E2%80%932027", "/dokument/ny");
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string edit = created.headers["location"];
  ASSERT_TRUE(edit.ends_with("/redigera")) << edit;
  const std::string base = edit.substr(0, edit.size() - 9);
  ASSERT_EQ(post(base + "/punkter", "nodtyp=area&nummer=1&rubrik=M%C3%A5lomr%C3%A5de+1", edit).status, 303);
  auto page = get(edit);
  EXPECT_THAT(page.body, HasSubstr("Målområde 1"));
  const auto nodes = store().begin_read()->nodes(std::stoll(base.substr(base.rfind('/') + 1)));
  ASSERT_EQ(nodes.size(), 1u);
  const std::string area = base + "/punkter/" + std::to_string(nodes[0].id);
  ASSERT_EQ(post(base + "/punkter", "nodtyp=item&overordnad=" + std::to_string(nodes[0].id) +
                                        "&nummer=1%3A1&rubrik=L%C3%A4gesbild", edit).status, 303);
  auto refused = post(area + "/ta-bort", "", edit);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("Ta först bort eller flytta punkterna under Målområde 1"));
  const Id item = store().begin_read()->nodes(nodes[0].document_id).back().id;
  ASSERT_EQ(post(base + "/punkter/" + std::to_string(item) + "/ta-bort", "", edit).status, 303);
  EXPECT_THAT(get(edit).body, Not(HasSubstr("Lägesbild")));
  auto edition = post(base + "/ny-utgava", "period=2028%E2%80%932030", edit);
  ASSERT_EQ(edition.status, 303);
  EXPECT_THAT(get(edit).body, HasSubstr("har ersatts av en nyare utgåva"));
  EXPECT_EQ(post(base + "/punkter", "nodtyp=area&rubrik=X", edit, *respondent_).status, 404);
}

// A national round has thousands of units: the board shows 200 a page, with links to the pages
// before and after that keep the order and the filter.
TEST_F(RoundPagesTest, TheStatusBoardShowsTwoHundredUnitsAPage) {
  Id round = 0;
  {
    auto tx = store().begin();
    const Id parent = tx->unit_by_name("Kommunstyrelsen")->id;
    round = tx->add_round(Round{.name = "Sidindelad uppföljning", .year = 2026, .status = RoundStatus::open});
    for (int i = 1; i <= 450; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "Sidenhet %03d", i);
      const Id unit = tx->add_unit(Unit{.parent_id = parent, .name = name, .kind = UnitKind::styrelse});
      tx->add_response(Response{.round_id = round, .unit_id = unit});
    }
    tx->commit();
  }
  const std::string base = "/omgangar/" + std::to_string(round);
  // The board, without the list of units not handed in below it.
  auto board = [](testing::Fetched page) {
    page.body = page.body.substr(0, page.body.find("id=\"ej-inlamnade\""));
    return page;
  };
  auto first = board(get(base));
  ASSERT_EQ(first.status, 200);
  EXPECT_THAT(first.body, HasSubstr("Enheter 1–200 av 450"));
  EXPECT_THAT(first.body, HasSubstr("Sidenhet 200"));
  EXPECT_THAT(first.body, Not(HasSubstr("Sidenhet 201")));
  EXPECT_THAT(first.body, Not(HasSubstr("Föregående sida")));
  EXPECT_THAT(first.body, HasSubstr("href=\"" + base + "?sortera&#61;namn&amp;sida&#61;2\""));

  auto last = board(get(base + "?sortera=namn&ordning=fallande&sok=Sidenhet&sida=9"));  // past the end: the last page
  ASSERT_EQ(last.status, 200);
  EXPECT_THAT(last.body, HasSubstr("Enheter 401–450 av 450"));
  EXPECT_THAT(last.body, HasSubstr("Sidenhet 001"));
  EXPECT_THAT(last.body, Not(HasSubstr("Sidenhet 051")));
  EXPECT_THAT(last.body, Not(HasSubstr("Nästa sida")));
  EXPECT_THAT(last.body, HasSubstr("?sortera&#61;namn&amp;ordning&#61;fallande&amp;sok&#61;Sidenhet&amp;sida&#61;2\""));

  auto pending = get(base).body;
  pending = pending.substr(pending.find("id=\"ej-inlamnade\""));
  EXPECT_THAT(pending, HasSubstr("Tabellen visar de första 200 av 450."));
  EXPECT_THAT(pending, Not(HasSubstr("Sidenhet 201")));
}

}  // namespace
}  // namespace uppsikt::web
