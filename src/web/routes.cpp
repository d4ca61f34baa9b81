#include "web/routes.h"

#include <memory>

#include "http/form.h"
#include "http/multipart.h"
#include "service/audit.h"
#include "service/tokens.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

using PageHandler = http::Response (*)(const Site&, const Visit&, const http::Request&);

// signed_in: a page behind sign-in; anyone: open to all; identity_provider: open to all and
// posted by an identity provider's page on another site, which cannot carry our form token
// (the SAML assertion consumer: its signed answer, tied to our request, stands in for it).
enum class Access { signed_in, anyone, identity_provider };

bool changes_state(const http::Request& request) {
  return request.method != "GET" && request.method != "HEAD";
}

// The _csrf field of a url-encoded or a multipart form (file uploads).
std::string posted_csrf(const http::Request& request) {
  auto type = request.header("content-type");
  if (type && http::multipart_boundary(*type)) return http::parse_multipart(request).field("_csrf");
  return http::form_value(http::parse_form(request), "_csrf");
}

// Every page passes through here: the visit is built once; a state-changing request must
// carry the visit's CSRF token as the form field _csrf (sign-in included; only the answers that
// identity providers post are exempt);
// a page that needs a session sends a visitor without one to the sign-in page.
http::Response guard(const Site& site, const http::Request& request, Access access, PageHandler handler) {
  const Visit visit = visit_of(site, request);
  http::Response response;
  if (changes_state(request) && access != Access::identity_provider &&
      !service::tokens_equal(posted_csrf(request), visit.csrf_token)) {
    service::Actor actor{std::nullopt, request.remote_address};
    if (visit.signed_in) actor.user_id = visit.viewer().user_id;
    service::audit_refusal(site.store, actor, std::nullopt, "csrf", request.method + " " + request.path);
    response = error_page(site, visit, 403);
  } else if (access == Access::signed_in && !visit.signed_in) {
    response = http::redirect("/logga-in");
  } else {
    response = handler(site, visit, request);
  }
  // An identity provider's post comes without our cookies: a new form cookie would replace the
  // one that the sign-in under way is tied to.
  if (visit.new_form_token && access != Access::identity_provider)
    response.headers.emplace_back("Set-Cookie", form_cookie(site, visit.csrf_token));
  if (visit.signed_in) response.log_user = std::to_string(visit.viewer().user_id);
  return response;
}

}  // namespace

void add_routes(http::Router& r, const Site& site) {
  auto page = [&site](PageHandler handler) {
    return [&site, handler](const http::Request& request) { return guard(site, request, Access::signed_in, handler); };
  };
  auto open_page = [&site](PageHandler handler) {
    return [&site, handler](const http::Request& request) { return guard(site, request, Access::anyone, handler); };
  };
  auto provider_answer = [&site](PageHandler handler) {
    return [&site, handler](const http::Request& request) {
      return guard(site, request, Access::identity_provider, handler);
    };
  };
  // Follow-up rounds
  r.get("/", page(home_show));
  r.get("/mina-uppfoljningar", page(my_followups_show));
  r.get("/omgangar/ny", page(round_new));
  r.post("/omgangar", page(round_create));
  r.get("/omgangar/arkiverade", page(round_archive_list));
  r.get("/omgangar/{id}", page(round_show));
  // Building and running a round
  r.get("/omgangar/{id}/bygg", page(round_edit));
  r.post("/omgangar/{id}/installningar", page(round_update));
  r.post("/omgangar/{id}/enheter", page(round_units_update));
  r.post("/omgangar/{id}/fragor", page(question_create));
  r.get("/omgangar/{id}/fragor/{question}", page(question_edit));
  r.post("/omgangar/{id}/fragor/{question}", page(question_update));
  r.post("/omgangar/{id}/fragor/{question}/flytta", page(question_move));
  r.post("/omgangar/{id}/fragor/{question}/ta-bort", page(question_delete));
  r.post("/omgangar/{id}/oppna", page(round_open));
  r.post("/omgangar/{id}/stang", page(round_close));
  // Correcting a round after it is built
  r.post("/omgangar/{id}/forlang", page(round_deadline_extend));
  r.post("/omgangar/{id}/enheter/lagg-till", page(round_unit_add));
  r.post("/omgangar/{id}/fragor/{question}/formulering", page(question_reword));
  r.post("/omgangar/{id}/ta-bort", page(round_delete));
  r.post("/omgangar/{id}/arkivera", page(round_archive));
  r.post("/omgangar/{id}/avarkivera", page(round_unarchive));
  r.get("/omgangar/{id}/paminn", page(round_remind_show));
  r.post("/omgangar/{id}/paminn", page(round_remind));
  r.post("/omgangar/{id}/paminnelser", page(round_reminders_update));
  r.get("/omgangar/{id}/kopiera", page(round_copy_show));
  r.post("/omgangar/{id}/kopiera", page(round_copy_submit));
  r.get("/omgangar/{id}/svar/{unit}", page(response_show));
  r.post("/omgangar/{id}/svar/{unit}", page(answer_save));
  r.post("/omgangar/{id}/svar/{unit}/{action}", page(response_action));
  r.get("/omgangar/{id}/svar/{unit}/inlamnat/{edition}", page(response_edition_show));
  r.get("/omgangar/{id}/svar/{unit}/exportera/{format}", page(response_download));
  r.get("/omgangar/{id}/rapport", page(report_show));
  r.get("/omgangar/{id}/rapport/exportera/{format}", page(report_download));
  r.get("/omgangar/{id}/rapport/bedomning", page(report_assessment_edit));
  r.post("/omgangar/{id}/rapport/bedomning", page(report_assessment_save));
  r.post("/omgangar/{id}/rapport/publicera", page(report_publish));
  r.post("/omgangar/{id}/rapport/avpublicera", page(report_withdraw));
  // Published reports, open to anyone
  r.get("/publicerat", open_page(published_list));
  r.get("/publicerat/{id}", open_page(published_show));
  r.get("/publicerat/{id}/exportera/{format}", open_page(published_download));
  r.get("/publicerat/{id}/version/{version}", open_page(published_show));
  r.get("/publicerat/{id}/version/{version}/exportera/{format}", open_page(published_download));
  r.get("/publicerat/{id}/oppna-data.csv", open_page(published_open_data_csv));
  r.get("/publicerat/{id}/oppna-data.json", open_page(published_open_data_json));
  // Governing documents
  r.get("/dokument", page(document_list));
  r.get("/dokument/ny", page(document_new));
  r.post("/dokument", page(document_create));
  r.get("/dokument/{id}", page(document_show));
  r.post("/dokument/{id}/redigera", page(document_update));
  r.get("/dokument/{id}/redigera", page(document_edit));
  r.post("/dokument/{id}/ny-utgava", page(document_edition_create));
  r.post("/dokument/{id}/punkter", page(node_create));
  r.get("/dokument/{id}/punkter/{node}", page(node_edit));
  r.post("/dokument/{id}/punkter/{node}", page(node_update));
  r.post("/dokument/{id}/punkter/{node}/flytta", page(node_move));
  r.post("/dokument/{id}/punkter/{node}/ta-bort", page(node_delete));
  // Importing old follow-ups
  r.get("/import", page(import_new));
  r.post("/import", page(import_preview));
  r.post("/import/granska", page(import_review));
  r.post("/import/spara", page(import_save));
  // Administration: units and people (admins only)
  r.get("/admin/enheter", page(unit_list));
  r.post("/admin/enheter", page(unit_create));
  r.get("/admin/enheter/{id}", page(unit_show));
  r.post("/admin/enheter/{id}/namn", page(unit_rename));
  r.post("/admin/enheter/{id}/flytta", page(unit_move));
  r.post("/admin/enheter/{id}/stang", page(unit_close));
  r.get("/admin/personer", page(person_list));
  r.post("/admin/personer", page(person_invite));
  r.get("/admin/personer/{id}", page(person_show));
  r.post("/admin/personer/{id}/roller", page(person_grant));
  r.post("/admin/personer/{id}/roller/ta-bort", page(person_revoke));
  r.post("/admin/personer/{id}/losenordslank", page(person_reset));
  r.post("/admin/personer/{id}/stang-av", page(person_deactivate));
  r.get("/admin/utskick", page(outbox_list));
  r.post("/admin/utskick/{id}/forsok-igen", page(outbox_retry));
  r.get("/admin/webhooks", page(webhook_list));
  r.post("/admin/webhooks", page(webhook_create));
  r.post("/admin/webhooks/{id}/ta-bort", page(webhook_remove));
  r.get("/admin/api-nycklar", page(service_token_list));
  r.post("/admin/api-nycklar", page(service_token_create));
  r.post("/admin/api-nycklar/{id}/aterkalla", page(service_token_revoke));
  // The audit trail (admins and coordinators)
  r.get("/logg", page(audit_list));
  r.get("/logg.csv", page(audit_export));
  // The person's own API tokens
  r.get("/mina-api-nycklar", page(api_token_list));
  r.post("/mina-api-nycklar", page(api_token_create));
  r.post("/mina-api-nycklar/{id}/aterkalla", page(api_token_revoke));
  // The person's own mail settings
  r.get("/mina-installningar/e-post", page(mail_preferences_show));
  r.post("/mina-installningar/e-post", page(mail_preferences_update));
  // Signing in and out
  r.get("/logga-in", open_page(sign_in_show));
  r.post("/logga-in", open_page(sign_in_submit));
  r.post("/logga-ut", page(sign_out_submit));
  r.post("/logga-in/oidc/{provider}", open_page(external_sign_in_start));
  r.get("/logga-in/oidc", open_page(external_sign_in_finish));
  r.get("/logga-in/saml/{provider}/metadata", open_page(saml_metadata_show));
  r.post("/logga-in/saml/{provider}", open_page(saml_sign_in_start));
  r.post("/logga-in/saml/{provider}/acs", provider_answer(saml_answer_accept));
  r.get("/logga-in/saml/{provider}/klar", open_page(saml_sign_in_finish));
  r.get("/logga-in/saml/{provider}/slo", open_page(saml_logout_answer));
  r.get("/lank/{token}", open_page(link_show));
  r.post("/lank/{token}", open_page(link_submit));
  // About the service
  r.get("/tillganglighet", open_page(accessibility_show));
}

http::RequestHandler make_handler(const Site& site) {
  auto router = std::make_shared<http::Router>();
  add_routes(*router, site);
  auto respond = [&site, router](http::Request& request) -> http::Response {
    bool read_only = request.method == "GET" || request.method == "HEAD";
    // Outside the router, which would send them through the sign-in guard; their patterns are
    // set here for the access log and /metrics.
    if (read_only && (request.path == "/healthz" || request.path == "/readyz")) {
      request.route = request.path;
      return request.path == "/healthz" ? http::text_response(200, "ok") : readiness_show(site);
    }
    if (read_only && request.path.starts_with("/static/")) {
      request.route = "/static/{file}";
      if (auto file = site.assets.serve(request)) return *file;
      return error_page(site, 404);
    }
    auto result = router->route(request);
    if (result.match == http::Router::Match::no_path) return error_page(site, 404);
    if (result.match == http::Router::Match::wrong_method) {
      auto response = error_page(site, 405);
      std::string allow;
      for (const auto& m : result.allowed) allow += (allow.empty() ? "" : ", ") + m;
      response.set_header("Allow", allow);
      return response;
    }
    return (*result.handler)(request);
  };
  return [&site, respond](http::Request& request) {
    auto response = respond(request);
    add_transport_headers(site, response);
    return response;
  };
}

http::ErrorRenderer make_error_renderer(const Site& site) {
  return [&site](int status, const std::string& reference) {
    auto response = error_page(site, status, reference);
    add_transport_headers(site, response);
    return response;
  };
}

void add_transport_headers(const Site& site, http::Response& response) {
  // Two years, as the HSTS preload list asks; only when the server is known to run behind TLS.
  if (site.secure_cookies) response.set_header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

}  // namespace uppsikt::web
