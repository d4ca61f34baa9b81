// Stored XSS: hostile text in every stored field (unit and person names, document titles and
// node texts, round names, questions, comments, uploaded files, the audit trail) shows only
// escaped on every page of the route table, and as plain text in every export: CSV and XLSX
// cells neutralised (no cell starts a formula), DOCX that still parses, PDF text, JSON strings
// equal to what was stored. Pages are read as the demo admin, who sees all.
//
// A new GET route without placeholders is covered by itself. One with placeholders needs its
// pattern in kTargets (what to fill them with), or the test fails naming it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv.h"
#include "http/router.h"
#include "service/accounts.h"
#include "service/answering.h"
#include "service/one_time_links.h"
#include "report/docx_reader.h"
#include "report/read_back.h"
#include "report/xlsx_reader.h"
#include "support/csv_reader.h"
#include "service/report_publishing.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::csrf_of;
using testing::Fetched;

constexpr const char* kSvg = "\"><svg onload=alert(1)>";
constexpr const char* kScript = "<script>alert(1)</script>";
// What must never appear raw in a page.
constexpr const char* kRaw[] = {"<svg onload", "<script>alert"};

std::string hostile(const std::string& what) { return what + " " + kSvg + " " + kScript; }

// Text a spreadsheet would run as a formula: a unit's name, question texts and comments.
constexpr const char* kCmd = "=cmd|' /C calc'!A0";
constexpr const char* kPlus = "+1 fråga";
constexpr const char* kAt = "@x fråga";
constexpr const char* kMinus = "-2 kommentar";
constexpr const char* kTab = "\tflik";
constexpr const char* kCr = "\rvagnretur";

bool starts_formula(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

struct Seeded {
  Id unit = 0;
  Id user = 0;
  Id document = 0;
  Id round = 0;
  Id question = 0;
  Id item = 0;
  Id formula_unit = 0;  // named kCmd
  std::string link_token;
};

// What one export must hold: the markup (always) and these formula-like texts.
struct ExportCase {
  std::string path;  // without the format
  std::vector<std::string> formulas;
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
                             .changed_at = "2026-11-25T09:00:00Z"}, 0);
      seed_formulas(*tx, city, scale, question, response);
      tx->commit();
    }
    auto invited = service::invite_user(store,
                                        service::NewUser{.email = "xss@demo.uppsikt.se", .name = hostile("Person"),
                                                         .role = Role::respondent, .unit = hostile("Enhet")},
                                        service::Actor{});
    ASSERT_TRUE(invited.ok()) << invited.outcome.message();
    seeded_.user = invited.outcome.id;
    // Handed in, so that the handed-in version's page exists.
    const service::Viewer admin{.user_id = 1, .name = "Admin", .grants = {Grant{.user_id = 1, .role = Role::admin, .unit_id = 1}}};
    ASSERT_TRUE(service::hand_in(store, admin, seeded_.round, seeded_.unit).ok());
    ASSERT_TRUE(service::hand_in(store, admin, seeded_.round, seeded_.formula_unit).ok());
    // Published with comments, so that the public pages show them.
    ASSERT_TRUE(service::publish_report(store, admin, seeded_.round, true).ok());
    seeded_.link_token = invited.token;
  }

  // Formula-like texts in the hostile round: a unit named kCmd, two more questions, and
  // comments of both units; an audit row of that unit for the log's CSV.
  static void seed_formulas(store::Tx& tx, Id city, Id scale, Id question, Id response) {
    seeded_.formula_unit = tx.add_unit(Unit{.parent_id = city, .name = kCmd, .kind = UnitKind::namnd});
    const Id plus = tx.add_question(Question{.round_id = seeded_.round, .position = 2, .text = kPlus, .scale_id = scale});
    const Id at = tx.add_question(Question{.round_id = seeded_.round, .position = 3, .text = kAt, .scale_id = scale});
    const Id other = tx.add_response(Response{.round_id = seeded_.round, .unit_id = seeded_.formula_unit,
                                              .status = ResponseStatus::draft, .updated_at = "2026-11-25T09:00:00Z"});
    auto answer = [&tx](Id response_id, Id question_id, const std::string& comment) {
      tx.save_answer(Answer{.response_id = response_id, .question_id = question_id, .choice = "Nej", .comment = comment,
                            .changed_by = "Test", .changed_at = "2026-11-25T09:00:00Z"}, 0);
    };
    answer(response, plus, kMinus);
    answer(response, at, kTab);
    answer(other, question, kCr);
    answer(other, plus, hostile("Kommentar"));
    answer(other, at, kCmd);
    tx.add_audit(AuditEntry{.at = "2026-11-25T09:00:00Z", .unit_id = seeded_.formula_unit, .action = "unit_rename",
                            .after_json = nlohmann::json{{"name", kCmd}}.dump()});
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
        {"/omgangar/{id}/paminn", base + "/paminn"},
        {"/omgangar/{id}/svar/{unit}/inlamnat/{edition}", response + "/inlamnat/1"},
        {"/omgangar/{id}/svar/{unit}/exportera/{format}", response + "/exportera/html"},
        {"/omgangar/{id}/rapport", base + "/rapport"},
        {"/omgangar/{id}/rapport/bedomning", base + "/rapport/bedomning"},
        {"/omgangar/{id}/rapport/exportera/{format}", base + "/rapport/exportera/html"},
        {"/dokument/{id}/redigera", document + "/redigera"},
        {"/dokument/{id}/punkter/{node}", document + "/punkter/" + std::to_string(seeded_.item)},
        {"/omgangar/{id}", "/omgangar/" + round},
        {"/omgangar/{id}/svar/{unit}", "/omgangar/" + round + "/svar/" + std::to_string(seeded_.unit)},
        {"/dokument/{id}", "/dokument/" + std::to_string(seeded_.document)},
        {"/admin/enheter/{id}", "/admin/enheter/" + std::to_string(seeded_.unit)},
        {"/admin/personer/{id}", "/admin/personer/" + std::to_string(seeded_.user)},
        {"/lank/{token}", service::link_path(seeded_.link_token)},
        {"/publicerat/{id}", "/publicerat/" + round},
        {"/publicerat/{id}/exportera/{format}", "/publicerat/" + round + "/exportera/html"},
        {"/publicerat/{id}/version/{version}", "/publicerat/" + round + "/version/1"},
        {"/publicerat/{id}/version/{version}/exportera/{format}", "/publicerat/" + round + "/version/1/exportera/html"},
        {"/publicerat/{id}/oppna-data.csv", "/publicerat/" + round + "/oppna-data.csv"},
        {"/publicerat/{id}/oppna-data.json", "/publicerat/" + round + "/oppna-data.json"},
    };
  }

  static void expect_escaped(const Fetched& page, const std::string& what) {
    for (const char* raw : kRaw) EXPECT_THAT(page.body, Not(HasSubstr(raw))) << what << " shows " << raw << " raw";
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
    // The identity provider's redirect back is no page: without its state and code it is 404;
    // no SAML IdP is configured here, so there is no SP metadata or handover either.
    if (entry.pattern == "/logga-in/oidc" || entry.pattern.starts_with("/logga-in/saml/")) continue;
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
  EXPECT_THAT(unit.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  auto answer = demo_->get(filled.at("/omgangar/{id}/svar/{unit}"), *admin_);
  EXPECT_THAT(answer.body, HasSubstr("Kommentar &quot;&gt;&lt;svg onload&#61;alert(1)&gt;"));
}

// Every format of the compiled report and of both units' reports.
std::vector<ExportCase> export_cases(const Seeded& seeded) {
  const std::string base = "/omgangar/" + std::to_string(seeded.round);
  return {{base + "/rapport/exportera/", {kCmd, kPlus, kAt, kMinus, kTab, kCr}},
          {base + "/svar/" + std::to_string(seeded.unit) + "/exportera/", {kPlus, kAt, kMinus, kTab}},
          {base + "/svar/" + std::to_string(seeded.formula_unit) + "/exportera/", {kCmd, kPlus, kAt, kCr}}};
}

// A formula-like text as it must appear in a cell: with the apostrophe, or, for a leading tab
// or CR (which a renderer may turn into a line break), its visible rest.
bool cell_holds(const std::string& cell, const std::string& text) {
  if (text.front() == '\t' || text.front() == '\r') return cell.find(text.substr(1)) != std::string::npos;
  return cell == "'" + text;
}

void expect_cells_safe(const std::vector<std::string>& cells, const std::vector<std::string>& formulas,
                       const std::string& what) {
  for (const auto& c : cells) EXPECT_FALSE(starts_formula(c)) << what << ": a cell starts a formula: " << c;
  for (const auto& f : formulas)
    EXPECT_TRUE(std::any_of(cells.begin(), cells.end(), [&](const std::string& c) { return cell_holds(c, f); }))
        << what << " lacks " << f << " neutralised";
  EXPECT_TRUE(std::any_of(cells.begin(), cells.end(), [](const std::string& c) { return c.find(kSvg) != std::string::npos; }))
      << what << " lacks the markup as text";
}

void expect_csv_safe(const std::string& body, const std::vector<std::string>& formulas, const std::string& what) {
  ASSERT_TRUE(body.starts_with(csv::bom)) << what;
  std::vector<std::string> cells;
  for (const auto& record : testing::parse_csv(body.substr(csv::bom.size())))
    cells.insert(cells.end(), record.begin(), record.end());
  expect_cells_safe(cells, formulas, what);
}

void expect_xlsx_safe(const std::string& body, const std::vector<std::string>& formulas, const std::string& what) {
  const auto files = testing::unzip(body);
  ASSERT_TRUE(files.contains("xl/worksheets/sheet1.xml")) << what << ": not a workbook";
  std::vector<std::string> cells;
  for (const auto& [name, content] : files) {
    EXPECT_THAT(content, Not(HasSubstr("<f>"))) << what << ": a formula in " << name;
    if (!name.starts_with("xl/worksheets/sheet")) continue;
    const auto sheet = testing::read_sheet(files, name);
    for (const auto& [ref, value] : sheet.cells)
      if (!sheet.types.at(ref).empty()) cells.push_back(value);  // numbers are no text
  }
  expect_cells_safe(cells, formulas, what);
}

// The visible text of every hostile string, for documents that hold it as text.
std::vector<std::string> visible(const std::vector<std::string>& formulas) {
  std::vector<std::string> out = {kSvg, kScript};
  for (const auto& f : formulas) out.push_back(f.front() == '\t' || f.front() == '\r' ? f.substr(1) : f);
  return out;
}

void expect_docx_text(const std::string& body, const std::vector<std::string>& formulas, const std::string& what) {
  const auto parts = testing::unzip(body);
  ASSERT_TRUE(parts.contains("word/document.xml")) << what << ": not a Word file";
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(parts.at("word/document.xml").c_str())) << what << ": document.xml does not parse";
  const std::string text = testing::word_text(xml);
  for (const auto& v : visible(formulas)) EXPECT_THAT(text, HasSubstr(v)) << what << " lacks " << v;
}

void expect_pdf_text(const std::string& body, const std::vector<std::string>& formulas, const std::string& what) {
  testing::TempDir dir;
  testing::write_file(dir.file("export.pdf"), body);
  const std::string text = testing::squeeze(testing::run("pdftotext -enc UTF-8 '" + dir.file("export.pdf") + "' -"));
  ASSERT_FALSE(text.empty()) << what << ": pdftotext read nothing";
  for (const auto& v : visible(formulas))
    EXPECT_THAT(text, HasSubstr(testing::squeeze(v))) << what << " lacks " << v;
}

void collect_strings(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_string()) out.insert(j.get<std::string>());
  if (!j.is_structured()) return;
  for (const auto& child : j) collect_strings(child, out);
}

void expect_json_strings(const std::string& body, const std::vector<std::string>& formulas, const std::string& what) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << what << ": does not parse";
  std::set<std::string> strings;
  collect_strings(json, strings);
  for (const auto& f : formulas) EXPECT_TRUE(strings.contains(f)) << what << " lacks the string " << f;
  EXPECT_TRUE(strings.contains(hostile("Fråga"))) << what << " lacks the hostile question as stored";
}

TEST_F(StoredXssTest, EveryExportHoldsHostileTextAsText) {
  for (const auto& c : export_cases(seeded_)) {
    for (const std::string format : {"html", "csv", "xlsx", "docx", "pdf", "json"}) {
      const std::string what = "GET " + c.path + format;
      auto file = demo_->get(c.path + format, *admin_);
      ASSERT_EQ(file.status, 200) << what;
      if (format == "html") expect_escaped(file, what);
      if (format == "csv") expect_csv_safe(file.body, c.formulas, what);
      if (format == "xlsx") expect_xlsx_safe(file.body, c.formulas, what);
      if (format == "docx") expect_docx_text(file.body, c.formulas, what);
      if (format == "pdf") expect_pdf_text(file.body, c.formulas, what);
      if (format == "json") expect_json_strings(file.body, c.formulas, what);
    }
  }
  auto log = demo_->get("/logg.csv", *admin_);
  ASSERT_EQ(log.status, 200);
  expect_csv_safe(log.body, {kCmd}, "GET /logg.csv");
}

TEST_F(StoredXssTest, HostileFormInputIsShownEscapedWhenTheFormComesBack) {
  const std::string csrf = csrf_of(demo_->get("/admin/enheter", *admin_).body);
  // A taken name: the form comes back with what was typed and the error.
  auto page = demo_->post("/admin/enheter", "_csrf=" + csrf + "&slag=namnd&namn=%22%3E%3Csvg%20onload%3Dalert(1)%3E", *admin_);
  EXPECT_EQ(page.status, 422);
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
