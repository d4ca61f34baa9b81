// The access matrix: every route of the route table × every demo role (admin, coordinator,
// respondent, approver, reader; service/demo_accounts.cpp) × the role's own unit, a foreign
// unit and no session. Each cell asserts the status, and no page ever shows the foreign
// unit's data. A route in the table without a row here fails the test by name.
//
// HOW TO ADD A ROUTE: add one row to kMatrix below, in route-table order:
//   {"METHOD", "/pattern/{id}", Fill::…, "form fields of a POST", {own statuses}, {foreign}, anonymous}
// - Fill says what the placeholders name (see Fill); add a kind when none fits.
// - The form body of a POST should change nothing where it can (an invalid value, an
//   already-closed unit): cells run in any order against one database. `_csrf` is added.
// - Statuses are per role in the order admin, coordinator, respondent, approver, reader:
//   200 a page or file, 303 done (or back to a page), 403 a role the unit's record refuses
//   (a reader posting an answer), 404 missing, foreign or not for this role, 409 or 422 a
//   refused change.
//   `foreign` is checked for every Fill that names something of a unit (all but none,
//   document and link); write the same as own otherwise. A foreign record is always 404.
// - anonymous: without a session. Pages behind sign-in answer 303 to /logga-in; every POST
//   without a session's token is 403 (CSRF comes first), but for the answers that identity
//   providers post (routes.cpp, Access::identity_provider).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>

#include "http/router.h"
#include "service/accounts.h"
#include "service/api_tokens.h"
#include "support/http_get.h"
#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using testing::csrf_of;
using testing::Fetched;

// What a route's placeholders name. {format}, {edition}, {version} and {action} are the same everywhere
// (see kFixedValues).
enum class Fill {
  none,          // no placeholders
  round,         // {id}: own: the city's open round, foreign: the neighbour's round
  draft_round,   // {id}: own: the city's empty draft round (every change to it is refused), foreign: the neighbour's
  question,      // {id}, {question}: own: a question of the city's open round, foreign: of the neighbour's
  response,      // {id}: a round, {unit}: the response's unit (own: Miljöförvaltningen)
  document,      // {id}: a governing document, {node}: its first node (foreign = own)
  admin_unit,    // {id}: a unit; own: a closed unit in the city, foreign: the neighbour's
  admin_person,  // {id}: a person; own: a deactivated person in the city, foreign: the neighbour
  link,          // {token}: a one-time link that does not exist
  published,     // {id}: the demo's published round (2023), {format}: json
  api_token,     // {id}: the neighbour's API token, which nobody in the city may revoke (foreign = own)
  outbox,        // {id}: a sent mail; own: about Miljöförvaltningen, foreign: about the neighbour's unit
  webhook,       // {id}: the neighbour's webhook, which nobody in the city may remove (foreign = own)
  service_token,  // {id}: a service token on the neighbour's unit, which nobody in the city may revoke (foreign = own)
};

// Placeholders that name no record of a unit.
const std::map<std::string, std::string> kFixedValues = {
    {"{format}", "csv"}, {"{edition}", "1"}, {"{version}", "1"}, {"{action}", "oppna-igen"},
    {"{provider}", "ingen"}};  // no identity provider is configured in the demo server

constexpr int kRoles = 5;  // admin, coordinator, respondent, approver, reader
using Statuses = std::array<int, kRoles>;

struct Row {
  const char* method;
  const char* pattern;
  Fill fill;
  const char* body;  // POST form fields, without _csrf
  Statuses own;
  Statuses foreign;
  int anonymous;
  bool ends_session = false;  // the request signs out: it gets a session of its own
};

constexpr Statuses all(int s) { return {s, s, s, s, s}; }
constexpr Statuses admin_only(int s) { return {s, 404, 404, 404, 404}; }
constexpr Statuses importers(int s) { return {s, s, 404, 404, 404}; }
constexpr Statuses coordinators(int s) { return {s, s, 404, 404, 404}; }  // run rounds, keep documents

const Row kMatrix[] = {
    // Follow-up rounds
    {"GET", "/", Fill::none, "", all(200), all(200), 303},
    {"GET", "/mina-uppfoljningar", Fill::none, "", all(200), all(200), 303},
    {"GET", "/omgangar/ny", Fill::none, "", coordinators(200), coordinators(200), 303},
    {"POST", "/omgangar", Fill::none, "namn=", coordinators(422), coordinators(422), 403},
    {"GET", "/omgangar/arkiverade", Fill::none, "", all(200), all(200), 303},
    {"GET", "/omgangar/{id}", Fill::round, "", all(200), all(404), 303},
    // Building and running a round
    {"GET", "/omgangar/{id}/bygg", Fill::draft_round, "", coordinators(200), all(404), 303},
    {"POST", "/omgangar/{id}/installningar", Fill::draft_round, "namn=", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/enheter", Fill::draft_round, "", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/fragor", Fill::draft_round, "text=", coordinators(422), all(404), 403},
    {"GET", "/omgangar/{id}/fragor/{question}", Fill::question, "", coordinators(200), all(404), 303},
    {"POST", "/omgangar/{id}/fragor/{question}", Fill::question, "text=", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/fragor/{question}/flytta", Fill::question, "riktning=upp", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/fragor/{question}/ta-bort", Fill::question, "", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/oppna", Fill::draft_round, "", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/stang", Fill::draft_round, "", coordinators(422), all(404), 403},
    // Correcting a round: the draft is refused what only an open round takes, or a closed one;
    // deleting it without bekrafta=ja only asks.
    {"POST", "/omgangar/{id}/forlang", Fill::draft_round, "enhet=&sista-svarsdag=", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/enheter/lagg-till", Fill::draft_round, "enhet=", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/fragor/{question}/formulering", Fill::question, "fraga=", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/ta-bort", Fill::draft_round, "", coordinators(200), all(404), 403},
    {"POST", "/omgangar/{id}/arkivera", Fill::draft_round, "", coordinators(422), all(404), 403},
    {"POST", "/omgangar/{id}/avarkivera", Fill::draft_round, "", coordinators(422), all(404), 403},
    {"GET", "/omgangar/{id}/paminn", Fill::draft_round, "", coordinators(200), all(404), 303},
    {"POST", "/omgangar/{id}/paminn", Fill::draft_round, "", coordinators(303), all(404), 403},
    {"POST", "/omgangar/{id}/paminnelser", Fill::draft_round, "schema=pa&dagar=x", coordinators(422), all(404), 403},
    {"GET", "/omgangar/{id}/kopiera", Fill::draft_round, "", coordinators(200), all(404), 303},
    {"POST", "/omgangar/{id}/kopiera", Fill::draft_round, "namn=", coordinators(422), all(404), 403},
    {"GET", "/omgangar/{id}/svar/{unit}", Fill::response, "", {200, 200, 200, 200, 404}, all(404), 303},
    {"POST", "/omgangar/{id}/svar/{unit}", Fill::response, "", {303, 303, 303, 303, 404}, all(404), 403},
    {"POST", "/omgangar/{id}/svar/{unit}/{action}", Fill::response, "", {409, 409, 403, 403, 404}, all(404), 403},
    {"GET", "/omgangar/{id}/svar/{unit}/inlamnat/{edition}", Fill::response, "", all(404), all(404), 303},
    {"GET", "/omgangar/{id}/svar/{unit}/exportera/{format}", Fill::response, "", {200, 200, 200, 200, 404}, all(404), 303},
    {"GET", "/omgangar/{id}/rapport", Fill::round, "", coordinators(200), all(404), 303},
    {"GET", "/omgangar/{id}/rapport/exportera/{format}", Fill::round, "", coordinators(200), all(404), 303},
    // The coordinator's assessment: a date that is no date is refused and nothing is saved.
    {"GET", "/omgangar/{id}/rapport/bedomning", Fill::round, "", coordinators(200), all(404), 303},
    {"POST", "/omgangar/{id}/rapport/bedomning", Fill::round, "datum=igar", coordinators(422), all(404), 403},
    // Publishing the compiled report (those who manage the round). Publishing 2023 without a
    // choice is refused; withdrawing the city's unpublished 2024 report is refused too.
    {"POST", "/omgangar/{id}/rapport/publicera", Fill::published, "kommentarer=", importers(422), importers(422), 403},
    {"POST", "/omgangar/{id}/rapport/avpublicera", Fill::round, "", importers(422), all(404), 403},
    // Published reports, open to anyone
    {"GET", "/publicerat", Fill::none, "", all(200), all(200), 200},
    {"GET", "/publicerat/{id}", Fill::published, "", all(200), all(200), 200},
    {"GET", "/publicerat/{id}/exportera/{format}", Fill::published, "", all(200), all(200), 200},
    {"GET", "/publicerat/{id}/version/{version}", Fill::published, "", all(200), all(200), 200},
    {"GET", "/publicerat/{id}/version/{version}/exportera/{format}", Fill::published, "", all(200), all(200), 200},
    {"GET", "/publicerat/{id}/oppna-data.csv", Fill::published, "", all(200), all(200), 200},
    {"GET", "/publicerat/{id}/oppna-data.json", Fill::published, "", all(200), all(200), 200},
    // Governing documents
    {"GET", "/dokument", Fill::none, "", all(200), all(200), 303},
    {"GET", "/dokument/ny", Fill::none, "", coordinators(200), coordinators(200), 303},
    {"POST", "/dokument", Fill::none, "titel=", coordinators(422), coordinators(422), 403},
    {"GET", "/dokument/{id}", Fill::document, "", all(200), all(200), 303},
    {"POST", "/dokument/{id}/redigera", Fill::document, "titel=", coordinators(422), coordinators(422), 403},
    {"GET", "/dokument/{id}/redigera", Fill::document, "", coordinators(200), coordinators(200), 303},
    {"POST", "/dokument/{id}/ny-utgava", Fill::document, "period=", coordinators(422), coordinators(422), 403},
    {"POST", "/dokument/{id}/punkter", Fill::document, "titel=", coordinators(422), coordinators(422), 403},
    {"GET", "/dokument/{id}/punkter/{node}", Fill::document, "", coordinators(200), coordinators(200), 303},
    {"POST", "/dokument/{id}/punkter/{node}", Fill::document, "titel=", coordinators(422), coordinators(422), 403},
    {"POST", "/dokument/{id}/punkter/{node}/flytta", Fill::document, "riktning=upp", coordinators(303), coordinators(303), 403},
    // The first node is an area with items under it: removing it is refused, nothing changes.
    {"POST", "/dokument/{id}/punkter/{node}/ta-bort", Fill::document, "", coordinators(422), coordinators(422), 403},
    // Importing old follow-ups
    {"GET", "/import", Fill::none, "", importers(200), importers(200), 303},
    {"POST", "/import", Fill::none, "", importers(400), importers(400), 403},
    {"POST", "/import/granska", Fill::none, "uppladdning=", importers(422), importers(422), 403},
    {"POST", "/import/spara", Fill::none, "uppladdning=", importers(422), importers(422), 403},
    // Administration
    {"GET", "/admin/enheter", Fill::none, "", admin_only(200), admin_only(200), 303},
    {"POST", "/admin/enheter", Fill::none, "namn=", admin_only(422), admin_only(422), 403},
    {"GET", "/admin/enheter/{id}", Fill::admin_unit, "", admin_only(200), all(404), 303},
    {"POST", "/admin/enheter/{id}/namn", Fill::admin_unit, "namn=", admin_only(422), all(404), 403},
    {"POST", "/admin/enheter/{id}/flytta", Fill::admin_unit, "overordnad=", admin_only(422), all(404), 403},
    {"POST", "/admin/enheter/{id}/stang", Fill::admin_unit, "", admin_only(409), all(404), 403},
    {"GET", "/admin/personer", Fill::none, "", admin_only(200), admin_only(200), 303},
    {"POST", "/admin/personer", Fill::none, "epost=", admin_only(422), admin_only(422), 403},
    {"GET", "/admin/personer/{id}", Fill::admin_person, "", admin_only(200), all(404), 303},
    {"POST", "/admin/personer/{id}/roller", Fill::admin_person, "role=", admin_only(422), all(404), 403},
    {"POST", "/admin/personer/{id}/roller/ta-bort", Fill::admin_person, "role=", admin_only(422), all(404), 403},
    {"POST", "/admin/personer/{id}/losenordslank", Fill::admin_person, "", admin_only(200), all(404), 403},
    {"POST", "/admin/personer/{id}/stang-av", Fill::admin_person, "", admin_only(409), all(404), 403},
    {"GET", "/admin/utskick", Fill::none, "", admin_only(200), admin_only(200), 303},
    {"POST", "/admin/utskick/{id}/forsok-igen", Fill::outbox, "", admin_only(303), all(404), 403},
    {"GET", "/admin/webhooks", Fill::none, "", admin_only(200), admin_only(200), 303},
    {"POST", "/admin/webhooks", Fill::none, "adress=", admin_only(422), admin_only(422), 403},
    {"POST", "/admin/webhooks/{id}/ta-bort", Fill::webhook, "", all(404), all(404), 403},
    {"GET", "/admin/api-nycklar", Fill::none, "", admin_only(200), admin_only(200), 303},
    {"POST", "/admin/api-nycklar", Fill::none, "namn=", admin_only(422), admin_only(422), 403},
    {"POST", "/admin/api-nycklar/{id}/aterkalla", Fill::service_token, "", all(404), all(404), 403},
    // The audit trail
    {"GET", "/logg", Fill::none, "", importers(200), importers(200), 303},
    {"GET", "/logg.csv", Fill::none, "", importers(200), importers(200), 303},
    // The person's own API tokens: an empty name is refused; revoking another's token is 404
    {"GET", "/mina-api-nycklar", Fill::none, "", all(200), all(200), 303},
    {"POST", "/mina-api-nycklar", Fill::none, "namn=", all(422), all(422), 403},
    {"POST", "/mina-api-nycklar/{id}/aterkalla", Fill::api_token, "", all(404), all(404), 403},
    {"GET", "/mina-installningar/e-post", Fill::none, "", all(200), all(200), 303},
    {"POST", "/mina-installningar/e-post", Fill::none, "sammanfattning=aldrig", all(422), all(422), 403},
    // Signing in and out
    {"GET", "/logga-in", Fill::none, "", all(200), all(200), 200},
    {"POST", "/logga-in", Fill::none, "epost=&losenord=", all(400), all(400), 403},
    {"POST", "/logga-ut", Fill::none, "", all(303), all(303), 403, true},
    // Sign-in at an identity provider: none is configured here (tests/auth drives a real one)
    {"POST", "/logga-in/oidc/{provider}", Fill::none, "", all(404), all(404), 403},
    {"GET", "/logga-in/oidc", Fill::none, "", all(404), all(404), 404},
    {"GET", "/logga-in/saml/{provider}/metadata", Fill::none, "", all(404), all(404), 404},
    {"POST", "/logga-in/saml/{provider}", Fill::none, "", all(404), all(404), 403},
    // Posted by an IdP's page, without our form token: no CSRF check, so 404 without a session too.
    {"POST", "/logga-in/saml/{provider}/acs", Fill::none, "SAMLResponse=&RelayState=", all(404), all(404), 404},
    {"GET", "/logga-in/saml/{provider}/klar", Fill::none, "", all(404), all(404), 404},
    {"GET", "/logga-in/saml/{provider}/slo", Fill::none, "", all(303), all(303), 303},
    {"GET", "/lank/{token}", Fill::link, "", all(404), all(404), 404},
    {"POST", "/lank/{token}", Fill::link, "", all(404), all(404), 403},
    // About the service
    {"GET", "/tillganglighet", Fill::none, "", all(200), all(200), 200},
};

constexpr const char* kOwnRound = "Uppföljning 2024";
constexpr const char* kOwnDraft = "Matrisutkast";
constexpr const char* kForeignRound = "Grannstadens uppföljning";

// What no page may show to anyone in the city: the neighbouring town's unit, person and round.
constexpr const char* kForeignMarkers[] = {"Grannstadens nämnd", "granne@grannstaden.se", kForeignRound};

class AccessMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    add_neighbour_and_own_targets();
    for (const auto& account : service::demo_accounts()) {
      accounts_.push_back({account.email, account.password});
      sessions_.push_back(demo_->sign_in(account.email, account.password));
    }
  }
  static void TearDownTestSuite() { delete demo_; }

  // A neighbouring town outside every demo grant, with a person, a response to the city's
  // round and a round of its own (a year earlier, so that it would show in the city's report
  // history if it leaked); in the city a closed unit, a deactivated person and an empty draft
  // round: admin and coordinator POSTs to them change nothing.
  static void add_neighbour_and_own_targets() {
    auto& store = demo_->store();
    {
      auto tx = store.begin();
      const Id root = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
      const Id unit = tx->add_unit(Unit{.parent_id = root, .name = "Grannstadens nämnd", .kind = UnitKind::namnd});
      const Id city = tx->unit_by_name("Göteborgs Stad")->id;
      auto own_round_record = *tx->round_by_name(kOwnRound);
      own_round_record.unit_id = city;  // run by the city's coordinators, whatever unit answers
      tx->update_round(own_round_record);
      const Id own_round = own_round_record.id;
      tx->add_response(Response{.round_id = own_round, .unit_id = unit,
                                .status = ResponseStatus::draft, .updated_at = "2026-01-01T00:00:00Z"});
      const Id foreign_round = tx->add_round(Round{.name = kForeignRound, .year = 2023, .status = RoundStatus::open,
                                                   .unit_id = root});
      Question question = tx->questions(own_round).front();
      question.round_id = foreign_round;
      tx->add_question(question);
      tx->add_response(Response{.round_id = foreign_round, .unit_id = unit,
                                .status = ResponseStatus::draft, .updated_at = "2026-01-01T00:00:00Z"});
      tx->add_round(Round{.name = kOwnDraft, .year = 2025, .unit_id = city});
      tx->add_unit(Unit{.parent_id = city, .name = "Nedlagda nämnden",
                        .kind = UnitKind::namnd, .closed = true});
      tx->commit();
    }
    auto add = [&store](const char* email, const char* unit) {
      auto r = service::add_user(store, service::NewUser{.email = email, .name = "Matrisperson", .password = "ett långt lösenord för testet",
                                                         .role = Role::respondent, .unit = unit},
                                 service::Actor{});
      EXPECT_TRUE(r.ok()) << r.message();
      return r.id;
    };
    foreign_person_ = add("granne@grannstaden.se", "Grannstadens nämnd");
    {
      auto tx = store.begin();
      auto sent = [&](const char* to, const char* unit) {
        return tx->add_outbox_message(OutboxMessage{.recipient = to, .subject = "Matrisbrev",
                                                    .unit_id = tx->unit_by_name(unit)->id,
                                                    .status = OutboxStatus::sent, .created_at = "2026-01-01T00:00:00Z",
                                                    .next_attempt_at = "2026-01-01T00:00:00Z"});
      };
      own_mail_ = sent("svarande@demo.uppsikt.se", "Miljöförvaltningen");
      foreign_mail_ = sent("granne@grannstaden.se", "Grannstadens nämnd");
      foreign_webhook_ = tx->add_webhook(Webhook{.unit_id = tx->unit_by_name("Grannstadens nämnd")->id,
                                                 .url = "https://grannstaden.example.se/uppsikt",
                                                 .events = {"round.opened"}, .secret = "whsec_AAAA",
                                                 .created_at = "2026-01-01T00:00:00Z"});
      foreign_service_token_ = tx->add_api_token(ApiToken{.user_id = foreign_person_, .name = "Grannens BI",
                                                          .token_hash = std::string(64, 'b'),
                                                          .created_at = "2026-01-01T00:00:00Z",
                                                          .expires_at = "2099-01-01T00:00:00Z",
                                                          .service_unit_id = tx->unit_by_name("Grannstadens nämnd")->id});
      tx->commit();
    }
    own_person_ = add("avstangd@demo.uppsikt.se", "Nedlagda nämnden");
    foreign_token_ = service::create_api_token_for(store, "granne@grannstaden.se", {.name = "Grannens skript"},
                                                   service::Actor{}).outcome.id;
    auto tx = store.begin();
    tx->update_user_disabled(own_person_, true);
    tx->commit();
  }

  static std::string id_of_unit(const char* name) { return std::to_string(demo_->unit_id(name)); }

  // The route's target with its placeholders filled for the own or the foreign side.
  static std::string target(const Row& row, bool foreign) {
    std::map<std::string, std::string> values = kFixedValues;
    const Id round = demo_->round_id(foreign ? kForeignRound : kOwnRound);
    switch (row.fill) {
      case Fill::none: break;
      case Fill::round: values["{id}"] = std::to_string(round); break;
      case Fill::draft_round: values["{id}"] = std::to_string(demo_->round_id(foreign ? kForeignRound : kOwnDraft)); break;
      case Fill::question:
        values["{id}"] = std::to_string(round);
        values["{question}"] = std::to_string(demo_->store().begin_read()->questions(round).front().id);
        break;
      case Fill::response:
        values["{id}"] = std::to_string(demo_->round_id(kOwnRound));
        values["{unit}"] = id_of_unit(foreign ? "Grannstadens nämnd" : "Miljöförvaltningen");
        break;
      case Fill::document: {
        auto tx = demo_->store().begin_read();
        const Id document = tx->documents().front().id;
        values["{id}"] = std::to_string(document);
        values["{node}"] = std::to_string(tx->nodes(document).front().id);
        break;
      }
      case Fill::admin_unit: values["{id}"] = id_of_unit(foreign ? "Grannstadens nämnd" : "Nedlagda nämnden"); break;
      case Fill::admin_person: values["{id}"] = std::to_string(foreign ? foreign_person_ : own_person_); break;
      case Fill::link: values["{token}"] = std::string(64, 'a'); break;
      case Fill::api_token: values["{id}"] = std::to_string(foreign_token_); break;
      case Fill::outbox: values["{id}"] = std::to_string(foreign ? foreign_mail_ : own_mail_); break;
      case Fill::webhook: values["{id}"] = std::to_string(foreign_webhook_); break;
      case Fill::service_token: values["{id}"] = std::to_string(foreign_service_token_); break;
      case Fill::published:
        values["{id}"] = std::to_string(demo_->round_id("Uppföljning 2023"));
        values["{format}"] = "json";
        break;
    }
    std::string out = row.pattern;
    for (const auto& [placeholder, value] : values) {
      auto at = out.find(placeholder);
      if (at == std::string::npos) continue;
      out.replace(at, placeholder.size(), value);
    }
    EXPECT_EQ(out.find('{'), std::string::npos) << row.pattern << ": a placeholder that " << "its Fill does not fill";
    return out;
  }

  static bool names_a_unit(Fill fill) {
    return fill != Fill::none && fill != Fill::document && fill != Fill::link && fill != Fill::api_token &&
           fill != Fill::webhook && fill != Fill::service_token;
  }

  // One request as the role (its session, and the session's CSRF token for a POST).
  static Fetched request_as(int role, const Row& row, const std::string& path) {
    std::string session = sessions_[role];
    if (row.ends_session) session = demo_->sign_in(accounts_[role].first, accounts_[role].second);
    if (std::string{row.method} == "GET") return demo_->get(path, session);
    const std::string csrf = csrf_of(demo_->get("/", session).body);
    return demo_->post(path, "_csrf=" + csrf + (std::string{row.body}.empty() ? "" : "&" + std::string{row.body}), session);
  }

  static Fetched request_anonymously(const Row& row, const std::string& path) {
    if (std::string{row.method} == "GET") return demo_->get(path);
    return demo_->post(path, row.body);
  }

  static void expect_no_foreign_data(const Fetched& page, const std::string& cell) {
    for (const char* marker : kForeignMarkers)
      EXPECT_THAT(page.body, Not(HasSubstr(marker))) << cell << " shows " << marker;
  }

  static inline testing::DemoServer* demo_;
  static inline std::vector<std::pair<std::string, std::string>> accounts_;  // e-mail, password per role
  static inline std::vector<std::string> sessions_;                          // cookie per role
  static inline Id foreign_person_ = 0;
  static inline Id own_person_ = 0;
  static inline Id foreign_token_ = 0;
  static inline Id own_mail_ = 0;
  static inline Id foreign_mail_ = 0;
  static inline Id foreign_webhook_ = 0;
  static inline Id foreign_service_token_ = 0;
};

TEST_F(AccessMatrixTest, EveryRouteHasARowAndEveryRowARoute) {
  http::Router router;
  add_routes(router, demo_->site());
  std::set<std::pair<std::string, std::string>> rows;
  for (const auto& row : kMatrix) rows.insert({row.method, row.pattern});
  for (const auto& entry : router.entries()) {
    EXPECT_TRUE(rows.erase({entry.method, entry.pattern}))
        << entry.method << " " << entry.pattern
        << " has no row in kMatrix (tests/web/access_matrix_test.cpp): add one as its header says";
  }
  for (const auto& [method, pattern] : rows) ADD_FAILURE() << "kMatrix row " << method << " " << pattern << " names no route";
}

TEST_F(AccessMatrixTest, DemoRolesAreInTheMatrixOrder) {
  const auto accounts = service::demo_accounts();
  ASSERT_EQ(accounts.size(), static_cast<std::size_t>(kRoles));
  const Role order[] = {Role::admin, Role::coordinator, Role::respondent, Role::approver, Role::reader};
  for (int i = 0; i < kRoles; ++i) EXPECT_EQ(accounts[i].role, order[i]);
}

TEST_F(AccessMatrixTest, EachCellHasItsStatusAndNoForeignData) {
  for (const auto& row : kMatrix) {
    const std::string own_path = target(row, false);
    for (int role = 0; role < kRoles; ++role) {
      const std::string cell = std::string{row.method} + " " + row.pattern + " as " + accounts_[role].first;
      auto own = request_as(role, row, own_path);
      EXPECT_EQ(own.status, row.own[role]) << cell << " (own unit)";
      expect_no_foreign_data(own, cell + " (own unit)");
      if (!names_a_unit(row.fill)) continue;
      auto foreign = request_as(role, row, target(row, true));
      EXPECT_EQ(foreign.status, row.foreign[role]) << cell << " (foreign unit)";
      expect_no_foreign_data(foreign, cell + " (foreign unit)");
    }
    auto anonymous = request_anonymously(row, own_path);
    EXPECT_EQ(anonymous.status, row.anonymous) << row.method << " " << row.pattern << " without a session";
    if (row.anonymous == 303) {
      EXPECT_EQ(anonymous.headers["location"], "/logga-in") << row.pattern;
    }
    expect_no_foreign_data(anonymous, std::string{row.pattern} + " without a session");
  }
}

// Cases the table cannot express: a request that names a foreign unit in its body or query,
// and a role held on one committee only.
TEST_F(AccessMatrixTest, AnAutosaveWithoutAVersionToAForeignResponseIsNotFound) {
  const std::string path = "/omgangar/" + std::to_string(demo_->round_id(kOwnRound)) + "/svar/" + id_of_unit("Grannstadens nämnd");
  for (int role = 0; role < kRoles; ++role) {
    const std::string csrf = csrf_of(demo_->get("/", sessions_[role]).body);
    auto reply = testing::fetch(demo_->port(), "POST", path, "_csrf=" + csrf,
                                std::string(testing::kFormContentType) + "Accept: application/json\r\nCookie: " +
                                    sessions_[role] + "\r\n");
    EXPECT_EQ(reply.status, 404) << accounts_[role].first;
    EXPECT_THAT(reply.body, Not(HasSubstr("saved"))) << accounts_[role].first;
  }
}

TEST_F(AccessMatrixTest, AReportFilteredOnAForeignUnitIsNotFound) {
  const std::string report = "/omgangar/" + std::to_string(demo_->round_id(kOwnRound)) + "/rapport";
  for (int role : {0, 1}) {  // those who read the compiled report
    auto foreign = demo_->get(report + "?enhet=" + id_of_unit("Grannstaden"), sessions_[role]);
    EXPECT_EQ(foreign.status, 404) << accounts_[role].first;
    expect_no_foreign_data(foreign, report + " as " + accounts_[role].first);
    auto download = demo_->get(report + "/exportera/csv?enhet=" + id_of_unit("Grannstaden"), sessions_[role]);
    EXPECT_EQ(download.status, 404) << accounts_[role].first;
    EXPECT_EQ(demo_->get(report + "?enhet=" + id_of_unit("Miljöförvaltningen"), sessions_[role]).status, 200);
  }
}

TEST_F(AccessMatrixTest, ACommitteesCoordinatorCannotEditTheCitysDocuments) {
  auto made = service::add_user(demo_->store(),
                                service::NewUser{.email = "kommitte@demo.uppsikt.se", .name = "Kim Kommitté",
                                                 .password = "ett långt lösenord för testet", .role = Role::coordinator,
                                                 .unit = "Miljö- och klimatnämnden"},
                                service::Actor{});
  ASSERT_TRUE(made.ok()) << made.message();
  const auto session = demo_->sign_in("kommitte@demo.uppsikt.se", "ett långt lösenord för testet");
  auto tx = demo_->store().begin_read();
  const auto document = tx->documents().front();
  const Id node = tx->nodes(document.id).front().id;
  tx.reset();
  const std::string base = "/dokument/" + std::to_string(document.id);
  const std::string csrf = csrf_of(demo_->get("/", session).body);
  EXPECT_EQ(demo_->get(base + "/redigera", session).status, 404);
  EXPECT_EQ(demo_->post(base + "/redigera", "_csrf=" + csrf + "&titel=Kapat&slag=program", session).status, 404);
  EXPECT_EQ(demo_->post(base + "/ny-utgava", "_csrf=" + csrf + "&period=2030", session).status, 404);
  EXPECT_EQ(demo_->post(base + "/punkter", "_csrf=" + csrf + "&titel=Eget&nodtyp=area", session).status, 404);
  EXPECT_EQ(demo_->post(base + "/punkter/" + std::to_string(node), "_csrf=" + csrf + "&rubrik=Kapad&nodtyp=area", session).status, 404);
  EXPECT_THAT(demo_->get(base, session).body, Not(HasSubstr(base + "/redigera")));  // no edit link
  EXPECT_EQ(demo_->store().begin_read()->document(document.id)->title, document.title);
  // Their own committee's plans are theirs to keep.
  auto created = demo_->post("/dokument", "_csrf=" + csrf + "&titel=N%C3%A4mndens+plan&slag=plan", session);
  EXPECT_EQ(created.status, 303);
  auto own = demo_->store().begin_read()->document_by_title("Nämndens plan");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->unit_id, demo_->unit_id("Miljö- och klimatnämnden"));
}

}  // namespace
}  // namespace uppsikt::web
