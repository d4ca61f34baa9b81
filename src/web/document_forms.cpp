#include "web/document_forms.h"

#include <algorithm>

#include "service/document_view.h"
#include "service/round_admin.h"
#include "web/infra/format.h"
#include "web/infra/templates.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

constexpr DocumentKind kKinds[] = {DocumentKind::program, DocumentKind::handlingsplan, DocumentKind::plan};

nlohmann::json errors_by_field(const std::vector<service::FieldError>& errors) {
  nlohmann::json by_field = nlohmann::json::object();
  for (const auto& e : errors)
    if (!by_field.contains(e.field)) by_field[e.field] = e.message;
  return by_field;
}

std::string summary_of(const std::vector<service::FieldError>& errors) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
  return render_template("error_summary", {{"has_errors", !errors.empty()}, {"errors", list}});
}

std::string document_fields_html(const Site& site, const Visit& visit, const service::DocumentFields& f,
                                 const std::vector<service::FieldError>& errors) {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : kKinds) kinds.push_back({{"code", to_code(k)}, {"label", label(k)}, {"selected", f.kind == to_code(k)}});
  nlohmann::json owners = nlohmann::json::array();
  // Whoever edits a document coordinates its unit, so its unit is among these.
  for (const auto& u : service::document_owner_units(site.store, visit.viewer()))
    owners.push_back({{"id", u.id}, {"name", u.name}, {"selected", f.unit_id == u.id}});
  return render_template("document_fields", {{"titel", f.title}, {"kinds", kinds}, {"period", f.period},
                                             {"beslutat_av", f.decided_by}, {"beslutsdatum", f.decided_on},
                                             {"owners", owners}, {"fel", errors_by_field(errors)}});
}

service::DocumentFields fields_of(const Document& d) {
  return {d.title, std::string(to_code(d.kind)), d.period, d.decided_by, d.decided_on, d.unit_id};
}

service::NodeFields fields_of(const Node& n) {
  return {n.parent_id, std::string(to_code(n.kind)), n.number, n.title, n.text, n.expected_result, n.responsible_units};
}

std::string node_fields_html(const Site& site, const Visit& visit, const service::DocumentView& doc,
                             const service::NodeFields& f, std::optional<Id> self,
                             const std::vector<service::FieldError>& errors) {
  nlohmann::json parents = nlohmann::json::array();
  for (const auto& row : doc.rows)
    if (row.node.kind == NodeKind::area && row.node.id != self)
      parents.push_back({{"id", row.node.id}, {"label", row.node.number + " " + row.node.title},
                         {"selected", f.parent_id == row.node.id}});
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : service::round_candidate_units(site.store, visit.viewer()))
    units.push_back({{"id", u.id}, {"name", u.name},
                     {"checked", std::find(f.responsible_units.begin(), f.responsible_units.end(), u.id) !=
                                     f.responsible_units.end()}});
  if (!units.empty()) units.front()["first"] = true;
  return render_template("node_fields", {{"parents", parents}, {"area", f.kind != "item"}, {"item", f.kind == "item"},
                                         {"nummer", f.number}, {"rubrik", f.title}, {"text", f.text},
                                         {"resultat", f.expected_result}, {"units", units},
                                         {"fel", errors_by_field(errors)}});
}

http::Response with_status(http::Response response, int status) {
  response.status = status;
  return response;
}

}  // namespace

service::DocumentFields document_fields_from(const Form& form) {
  return {http::form_value(form, "titel"), http::form_value(form, "slag"), http::form_value(form, "period"),
          http::form_value(form, "beslutat-av"), http::form_value(form, "beslutsdatum"),
          parse_id(http::form_value(form, "enhet"))};
}

service::NodeFields node_fields_from(const Form& form) {
  return {parse_id(http::form_value(form, "overordnad")), http::form_value(form, "nodtyp"),
          http::form_value(form, "nummer"),               http::form_value(form, "rubrik"),
          http::form_value(form, "text"),                 http::form_value(form, "resultat"),
          ids_from(form, "ansvariga")};
}

std::string document_edit_href(Id document_id) { return "/dokument/" + std::to_string(document_id) + "/redigera"; }

http::Response document_new_page(const Site& site, const Visit& visit, const service::DocumentFields& fields,
                                 const std::vector<service::FieldError>& errors, int status) {
  Page page{.title = "Nytt styrdokument", .template_name = "document_new", .nav = "dokument"};
  page.crumbs = {{"Styrdokument", "/dokument"}, {"Nytt styrdokument", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"summary", summary_of(errors)}, {"fields", document_fields_html(site, visit, fields, errors)}};
  return with_status(render_page(site, visit, page), status);
}

http::Response document_edit_page(const Site& site, const Visit& visit, Id document_id,
                                  const std::vector<service::FieldError>& errors, int status,
                                  const std::optional<service::DocumentFields>& posted) {
  if (!service::may_edit_document(site.store, visit.viewer(), document_id)) return error_page(site, visit, 404);
  auto doc = service::document_view(site.store, document_id);
  if (!doc) return error_page(site, visit, 404);
  const std::string base = "/dokument/" + std::to_string(document_id);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : doc->rows)
    rows.push_back({{"id", row.node.id}, {"number", row.node.number}, {"title", row.node.title},
                    {"kind", row.node.kind == NodeKind::area ? "Område" : "Punkt"}, {"depth", std::min(row.depth, 3)},
                    {"href", base + "/punkter/" + std::to_string(row.node.id)}});
  Page page{.title = "Redigera " + doc->document.title, .template_name = "document_edit", .nav = "dokument"};
  page.crumbs = {{"Styrdokument", "/dokument"}, {doc->document.title, base}, {"Redigera", ""}};
  page.data = {{"csrf", visit.csrf_token},
               {"base", base},
               {"replaced", service::is_replaced(site.store, document_id)},
               {"edition", doc->document.edition},
               {"summary", summary_of(errors)},
               {"fields", document_fields_html(site, visit, posted.value_or(fields_of(doc->document)), errors)},
               {"rows", rows},
               {"has_rows", !rows.empty()},
               {"node_fields", node_fields_html(site, visit, *doc, service::NodeFields{.kind = "item"}, std::nullopt, errors)},
               {"fel", errors_by_field(errors)}};
  return with_status(render_page(site, visit, page), status);
}

http::Response node_edit_page(const Site& site, const Visit& visit, Id document_id, Id node_id,
                              const std::vector<service::FieldError>& errors, int status,
                              const std::optional<service::NodeFields>& posted) {
  if (!service::may_edit_document(site.store, visit.viewer(), document_id)) return error_page(site, visit, 404);
  auto doc = service::document_view(site.store, document_id);
  if (!doc) return error_page(site, visit, 404);
  auto row = std::find_if(doc->rows.begin(), doc->rows.end(), [&](const auto& r) { return r.node.id == node_id; });
  if (row == doc->rows.end()) return error_page(site, visit, 404);
  const std::string base = "/dokument/" + std::to_string(document_id);
  Page page{.title = "Ändra " + row->node.title, .template_name = "node_edit", .nav = "dokument"};
  page.crumbs = {{"Styrdokument", "/dokument"}, {doc->document.title, base}, {"Redigera", document_edit_href(document_id)},
                 {row->node.title, ""}};
  page.data = {{"csrf", visit.csrf_token},
               {"action", base + "/punkter/" + std::to_string(node_id)},
               {"back", document_edit_href(document_id)},
               {"summary", summary_of(errors)},
               {"node_fields", node_fields_html(site, visit, *doc, posted.value_or(fields_of(row->node)), node_id, errors)}};
  return with_status(render_page(site, visit, page), status);
}

}  // namespace uppsikt::web
