// Stored XSS: hostile text in every stored field (unit and person names, document titles and
// node texts, round names, questions, comments, uploaded files, the audit trail) shows only
// escaped on every page of the route table. Pages are read as the demo admin, who sees all.
//
// A new GET route without placeholders is covered by itself. One with placeholders needs its
// pattern in kTargets (what to fill them with), or the test fails naming it.
#include <gtest/gtest.h>

#include <map>

#include "http/router.h"
#include "service/accounts.h"
#include "service/answering.h"
#include "service/one_time_links.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using testing::csrf_of;
using testing::Fetched;

constexpr const char* kSvg = "\"><svg onload=alert(1)>";
constexpr const char* kScript = "<script>alert(1)</script>";
// What must never appear raw in a page.
constexpr const char* kRaw[] = {"<svg onload", "<script>alert"};

std::string hostile(const std::string& what) { return what + " " + kSvg + " " + kScript; }

struct Seeded {
  Id unit = 0;
  Id user = 0;
  Id document = 0;
  Id round = 0;
  Id question = 0;
  Id item = 0;
  std::string link_token;
};

class StoredXssTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    seed();
    admin_ = new std::string(demo_->sign_in("admin@demo.uppsikt.se", "demo-admin"));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete demo_;
  }

  static void seed() {
    auto& store = demo_->store();
    {
      auto tx = store.begin();
      const Id city = tx->unit_by_name("Göteborgs Stad")->id;
      seeded_.unit = tx->add_unit(Unit{.parent_id = city, .name = hostile("Enhet"), .kind = UnitKind::namnd});
      tx->add_unit(Unit{.parent_id = city, .name = kSvg, .kind = UnitKind::bolag});
      seeded_.document = tx->add_document(Document{.title = hostile("Dokument"), .period = hostile("Period"),
                                                   .decided_by = hostile("Beslutat av")});
      const Id area = tx->add_node(Node{.document_id = seeded_.document, .kind = NodeKind::area,
                                        .number = "1", .title = hostile("Område")});
      const Id item = tx->add_node(Node{.document_id = seeded_.document, .parent_id = area, .kind = NodeKind::item,
                                        .number = "1:1", .title = hostile("Insats"), .text = hostile("Text"),
                                        .expected_result = hostile("Förväntat")});
      const Id demo_round = tx->round_by_name("Uppföljning 2024")->id;
      const Id scale = tx->questions(demo_round).front().scale_id;
      seeded_.round = tx->add_round(Round{.name = hostile("Omgång"), .year = 2026, .status = RoundStatus::open,
                                          .instructions = hostile("Instruktioner")});
      const Id question = tx->add_question(Question{.round_id = seeded_.round, .node_id = item, .position = 1,
                                                    .text = hostile("Fråga"), .audience = hostile("Målgrupp"),
                                                    .scale_id = scale});
      const Id response = tx->add_response(Response{.round_id = seeded_.round, .unit_id = seeded_.unit,
                                                    .status = ResponseStatus::draft, .updated_at = "2026-11-25T09:00:00Z"});
      seeded_.question = question;
      seeded_.item = item;
      tx->save_answer(Answer{.response_id = response, .question_id = question, .choice = "Ja",
                             .comment = hostile("Kommentar") + "\n\n" + kScript, .changed_by = hostile("Ändrad av"),
                             .changed_at = "2026-11-25T09:00:00Z"});
      tx->commit();
    }
    auto invited = service::invite_user(store,
                                        service::NewUser{.email = "xss@demo.uppsikt.se", .name = hostile("Person"),
                                                         .role = Role::respondent, .unit = hostile("Enhet")},
                                        service::Actor{});
    ASSERT_TRUE(invited.ok()) << invited.error;
    seeded_.user = *invited.user_id;
    // Handed in, so that the handed-in version's page exists.
    const service::Viewer admin{.user_id = 1, .name = "Admin", .grants = {Grant{.user_id = 1, .role = Role::admin, .unit_id = 1}}};
    ASSERT_TRUE(service::hand_in(store, admin, seeded_.round, seeded_.unit).ok());
    seeded_.link_token = invited.token;
  }

  // The placeholders of each GET route that has any, filled with the seeded records.
  static std::map<std::string, std::string> targets() {
    const auto round = std::to_string(seeded_.round);
    const auto base = "/omgangar/" + round;
    const auto response = base + "/svar/" + std::to_string(seeded_.unit);
    const auto document = "/dokument/" + std::to_string(seeded_.document);
    return {
        {"/omgangar/{id}/bygg", base + "/bygg"},
        {"/omgangar/{id}/fragor/{question}", base + "/fragor/" + std::to_string(seeded_.question)},
        {"/omgangar/{id}/kopiera", base + "/kopiera"},
        {"/omgangar/{id}/svar/{unit}/inlamnat/{edition}", response + "/inlamnat/1"},
        {"/omgangar/{id}/svar/{unit}/exportera/{format}", response + "/exportera/html"},
        {"/omgangar/{id}/rapport", base + "/rapport"},
        {"/omgangar/{id}/rapport/exportera/{format}", base + "/rapport/exportera/html"},
        {"/dokument/{id}/redigera", document + "/redigera"},
        {"/dokument/{id}/punkter/{node}", document + "/punkter/" + std::to_string(seeded_.item)},
        {"/omgangar/{id}", "/omgangar/" + round},
        {"/omgangar/{id}/svar/{unit}", "/omgangar/" + round + "/svar/" + std::to_string(seeded_.unit)},
        {"/dokument/{id}", "/dokument/" + std::to_string(seeded_.document)},
        {"/admin/enheter/{id}", "/admin/enheter/" + std::to_string(seeded_.unit)},
        {"/admin/personer/{id}", "/admin/personer/" + std::to_string(seeded_.user)},
        {"/lank/{token}", service::link_path(seeded_.link_token)},
    };
  }

  static void expect_escaped(const Fetched& page, const std::string& what) {
    for (const char* raw : kRaw) EXPECT_EQ(page.body.find(raw), std::string::npos) << what << " shows " << raw << " raw";
  }

  static inline testing::DemoServer* demo_;
  static inline std::string* admin_;
  static inline Seeded seeded_;
};

TEST_F(StoredXssTest, EveryPageShowsHostileTextOnlyEscaped) {
  http::Router router;
  add_routes(router, demo_->site());
  const auto filled = targets();
  int html_pages = 0;
  for (const auto& entry : router.entries()) {
    if (entry.method != "GET") continue;
    std::string path = entry.pattern;
    if (path.find('{') != std::string::npos) {
      auto it = filled.find(entry.pattern);
      if (it == filled.end()) {
        ADD_FAILURE() << "GET " << entry.pattern << " has placeholders but no entry in targets() "
                      << "(tests/web/stored_xss_test.cpp): say what to fill them with";
        continue;
      }
      path = it->second;
    }
    auto page = demo_->get(path, *admin_);
    EXPECT_EQ(page.status, 200) << path;
    if (page.headers["content-type"].starts_with("text/html")) ++html_pages;
    if (page.headers["content-type"].starts_with("text/html")) expect_escaped(page, "GET " + entry.pattern);
  }
  EXPECT_GE(html_pages, 10);
  // The escaped text is there: the hostile records were shown, not left out.
  auto unit = demo_->get(filled.at("/admin/enheter/{id}"), *admin_);
  EXPECT_NE(unit.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  auto answer = demo_->get(filled.at("/omgangar/{id}/svar/{unit}"), *admin_);
  EXPECT_NE(answer.body.find("Kommentar &quot;&gt;&lt;svg onload&#61;alert(1)&gt;"), std::string::npos);
}

TEST_F(StoredXssTest, HostileFormInputIsShownEscapedWhenTheFormComesBack) {
  const std::string csrf = csrf_of(demo_->get("/admin/enheter", *admin_).body);
  // A taken name: the form comes back with what was typed and the error.
  auto page = demo_->post("/admin/enheter", "_csrf=" + csrf + "&kind=namnd&name=%22%3E%3Csvg%20onload%3Dalert(1)%3E", *admin_);
  EXPECT_EQ(page.status, 400);
  expect_escaped(page, "the unit form with a taken hostile name");
  auto filtered = demo_->get("/logg?fran=%3Cscript%3Ealert(1)%3C/script%3E", *admin_);
  EXPECT_EQ(filtered.status, 400);
  expect_escaped(filtered, "the audit filter with a hostile date");
}

TEST_F(StoredXssTest, AnUploadedFileWithHostileTextIsPreviewedEscaped) {
  const std::string boundary = "----uppsiktXss";
  const std::string csrf = csrf_of(demo_->get("/import", *admin_).body);
  const std::string text = hostile("Handlingsplan") + "\n\n1. " + hostile("Målområde") + "\n";
  const std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf +
                           "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"filer\"; filename=\"" +
                           "x<script>alert(1)</script>.txt\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" +
                           boundary + "--\r\n";
  auto page = testing::fetch(demo_->port(), "POST", "/import", body,
                             "Cookie: " + *admin_ + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\n");
  EXPECT_NE(page.status, 500);
  expect_escaped(page, "the import preview of a hostile file");
}

}  // namespace
}  // namespace uppsikt::web
