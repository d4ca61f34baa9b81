#include "web/admin_pages.h"

#include "core/role.h"
#include "core/unit.h"
#include "web/infra/form_errors.h"
#include "web/infra/outcome_response.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

constexpr UnitKind kKinds[] = {UnitKind::namnd,  UnitKind::styrelse, UnitKind::forvaltning,
                               UnitKind::bolag,  UnitKind::forbund,  UnitKind::fullmaktige,
                               UnitKind::kommun, UnitKind::lan,      UnitKind::nation};
constexpr Role kRoles[] = {Role::respondent, Role::approver, Role::reader, Role::coordinator, Role::admin};

std::string unit_href(Id id) { return "/admin/enheter/" + std::to_string(id); }
std::string person_href(Id id) { return "/admin/personer/" + std::to_string(id); }

std::string typed(const AdminForm& form, const std::string& field) {
  auto it = form.values.find(field);
  return it != form.values.end() && it->is_string() ? it->get<std::string>() : "";
}

// The administered units as <option>s, `selected` marked.
nlohmann::json unit_options(const std::vector<service::AdminUnit>& units, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : units)
    out.push_back({{"id", std::to_string(u.unit.id)}, {"name", u.unit.name},
                   {"selected", std::to_string(u.unit.id) == selected}});
  return out;
}

nlohmann::json role_options(const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (Role r : kRoles)
    out.push_back({{"code", std::string{to_code(r)}}, {"label", std::string{label(r)}}, {"selected", to_code(r) == selected}});
  return out;
}

http::Response with_status(http::Response response, int status) {
  response.status = status;
  return response;
}

Page admin_page(std::string title, std::string template_name, std::vector<Crumb> crumbs) {
  return Page{.title = std::move(title), .template_name = std::move(template_name), .crumbs = std::move(crumbs),
              .nav = "admin"};
}

}  // namespace

http::Response unit_list_page(const Site& site, const Visit& visit, const AdminForm& form, int status) {
  const auto units = service::administered_units(site.store, visit.viewer());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& u : units)
    rows.push_back({{"name", u.unit.name}, {"href", unit_href(u.unit.id)}, {"kind", std::string{label(u.unit.kind)}},
                    {"parent", u.parent_name}, {"closed", u.unit.closed}});
  nlohmann::json kinds = nlohmann::json::array();
  for (UnitKind k : kKinds)
    kinds.push_back({{"code", std::string{to_code(k)}}, {"label", std::string{label(k)}},
                     {"selected", to_code(k) == typed(form, "slag")}});
  Page page = admin_page("Enheter", "unit_list", {{"Administration", "/admin/enheter"}, {"Enheter", ""}});
  page.data = {{"csrf", visit.csrf_token}, {"units", rows}, {"kinds", kinds},
               {"parents", unit_options(units, typed(form, "overordnad"))}, {"name", typed(form, "namn")}};
  for (const auto& e : form.errors) add_form_error(page.data, e.field, e.message, "namn");
  return with_status(render_page(site, visit, page), status);
}

http::Response unit_page(const Site& site, const Visit& visit, Id unit_id, const AdminForm& form, int status) {
  const auto units = service::administered_units(site.store, visit.viewer());
  const service::AdminUnit* unit = nullptr;
  for (const auto& u : units)
    if (u.unit.id == unit_id) unit = &u;
  if (!unit) return error_page(site, visit, 404);
  const std::string parent = form.values.contains("overordnad") ? typed(form, "overordnad")
                             : unit->unit.parent_id    ? std::to_string(*unit->unit.parent_id)
                                                       : "";
  Page page = admin_page(unit->unit.name, "unit_show",
                         {{"Administration", "/admin/enheter"}, {"Enheter", "/admin/enheter"}, {unit->unit.name, ""}});
  page.data = {{"csrf", visit.csrf_token},
               {"base", unit_href(unit_id)},
               {"kind", std::string{label(unit->unit.kind)}},
               {"parent", unit->parent_name},
               {"closed", unit->unit.closed},
               {"name", form.values.contains("namn") ? typed(form, "namn") : unit->unit.name},
               {"parents", unit_options(units, parent)}};
  for (const auto& e : form.errors) add_form_error(page.data, e.field, e.message, unit->unit.closed ? "namn" : "close");
  return with_status(render_page(site, visit, page), status);
}

http::Response person_list_page(const Site& site, const Visit& visit, const AdminForm& form, int status) {
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : service::administered_people(site.store, visit.viewer())) {
    nlohmann::json grants = nlohmann::json::array();
    for (const auto& g : p.grants) grants.push_back({{"role", std::string{label(g.grant.role)}}, {"unit", g.unit_name}});
    people.push_back({{"name", p.user.name}, {"email", p.user.email}, {"href", person_href(p.user.id)},
                      {"grants", grants}, {"disabled", p.user.disabled}});
  }
  Page page = admin_page("Personer", "person_list", {{"Administration", "/admin/enheter"}, {"Personer", ""}});
  page.data = {{"csrf", visit.csrf_token}, {"people", people}, {"name", typed(form, "namn")},
               {"email", typed(form, "epost")}, {"roles", role_options(typed(form, "roll"))},
               {"units", unit_options(service::administered_units(site.store, visit.viewer()), typed(form, "enhet"))}};
  for (const auto& e : form.errors) add_form_error(page.data, e.field, e.message, "epost");
  return with_status(render_page(site, visit, page), status);
}

http::Response person_page(const Site& site, const Visit& visit, Id user_id, const AdminForm& form, int status) {
  auto person = service::administered_person(site.store, visit.viewer(), user_id);
  if (!person) return error_page(site, visit, 404);
  nlohmann::json grants = nlohmann::json::array();
  for (const auto& g : person->grants)
    grants.push_back({{"role", std::string{label(g.grant.role)}}, {"role_code", std::string{to_code(g.grant.role)}},
                      {"unit", g.unit_name}, {"unit_id", std::to_string(g.grant.unit_id)},
                      {"source", g.by_rule ? "Regel för inloggning (grupp hos identitetstjänsten)" : "Given av administratör"},
                      {"base", person_href(user_id)}, {"csrf", visit.csrf_token}});
  nlohmann::json issuers = nlohmann::json::array();
  for (const auto& issuer : person->identity_issuers) issuers.push_back(issuer);
  Page page = admin_page(person->user.name, "person_show",
                         {{"Administration", "/admin/enheter"}, {"Personer", "/admin/personer"}, {person->user.name, ""}});
  page.data = {{"csrf", visit.csrf_token}, {"base", person_href(user_id)}, {"email", person->user.email},
               {"disabled", person->user.disabled}, {"grants", grants},
               {"issuers", issuers}, {"has_issuers", !issuers.empty()},
               {"roles", role_options(typed(form, "roll"))},
               {"units", unit_options(service::administered_units(site.store, visit.viewer()), typed(form, "enhet"))}};
  for (const auto& e : form.errors) add_form_error(page.data, e.field, e.message, "roll");
  return with_status(render_page(site, visit, page), status);
}

http::Response link_created_page(const Site& site, const Visit& visit, const http::Request& request,
                                 const std::string& email, const service::MadeLink& link, bool invitation) {
  const std::string host{request.header("host").value_or("localhost")};
  const std::string url =
      link.mailed ? "" : (site.secure_cookies ? "https://" : "http://") + host + service::link_path(link.token);
  Page page = admin_page(invitation ? "Inbjudan skapad" : "Länk för nytt lösenord", "person_link",
                         {{"Administration", "/admin/enheter"}, {"Personer", "/admin/personer"}, {email, ""}});
  page.data = {{"heading", invitation ? "Personen är tillagd." : "Länken är skapad."},
               {"email", email}, {"url", url}, {"mailed", link.mailed}, {"back", "/admin/personer"},
               {"back_label", "Till personerna"}};
  return render_page(site, visit, page);
}

http::Response after_unit_change(const Site& site, const Visit& visit, const service::Outcome& outcome,
                                 Id unit_id, const AdminForm& typed_form) {
  return after_change(site, visit, outcome, unit_href(unit_id), [&](const auto& errors) {
    AdminForm form = typed_form;
    form.errors = errors;
    return unit_page(site, visit, unit_id, form);
  });
}

http::Response after_person_change(const Site& site, const Visit& visit, const service::Outcome& outcome,
                                   Id user_id, const AdminForm& typed_form) {
  return after_change(site, visit, outcome, person_href(user_id), [&](const auto& errors) {
    AdminForm form = typed_form;
    form.errors = errors;
    return person_page(site, visit, user_id, form);
  });
}

}  // namespace uppsikt::web
