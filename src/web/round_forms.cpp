#include "web/round_forms.h"

#include <algorithm>
#include <array>

#include "core/response.h"
#include "web/infra/format.h"
#include "web/infra/templates.h"

namespace uppsikt::web {
namespace {

struct KindChoice {
  UnitKind kind;
  std::string_view label;
};
// The unit kinds a question may be put to, as the form offers them.
constexpr std::array<KindChoice, 5> kKinds{{
    {UnitKind::namnd, "Samtliga nämnder"},
    {UnitKind::styrelse, "Samtliga styrelser"},
    {UnitKind::bolag, "Samtliga bolag"},
    {UnitKind::forvaltning, "Samtliga förvaltningar"},
    {UnitKind::forbund, "Samtliga förbund"},
}};

int int_from(const std::string& text) {
  try {
    return std::stoi(text);
  } catch (const std::exception&) {
    return 0;
  }
}

std::vector<std::string> values_of(const Form& form, const std::string& name) {
  std::vector<std::string> out;
  auto [first, last] = form.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

// The error summary and each field's message, for the templates.
nlohmann::json errors_json(const std::vector<service::FieldError>& errors) {
  nlohmann::json list = nlohmann::json::array();
  nlohmann::json by_field = nlohmann::json::object();
  for (const auto& e : errors) {
    list.push_back({{"field", e.field}, {"message", e.message}});
    if (!by_field.contains(e.field)) by_field[e.field] = e.message;
  }
  return {{"has_errors", !errors.empty()}, {"errors", list}, {"fel", by_field}};
}

std::string summary_html(const std::vector<service::FieldError>& errors) {
  return render_template("error_summary", errors_json(errors));
}

nlohmann::json settings_json(const service::RoundSettings& s, const std::vector<service::FieldError>& errors) {
  nlohmann::json data{{"namn", s.name},
                      {"ar", s.year > 0 ? std::to_string(s.year) : ""},
                      {"oppnas", s.opens_on},
                      {"sista_svarsdag", s.deadline},
                      {"instruktioner", s.instructions},
                      {"godkannande", s.requires_approval}};
  data["fel"] = errors_json(errors)["fel"];
  return data;
}

std::string settings_html(const service::RoundSettings& s, const std::vector<service::FieldError>& errors) {
  return render_template("round_settings_fields", settings_json(s, errors));
}

service::RoundSettings settings_of(const Round& r) {
  return {r.name, r.year, r.opens_on, r.deadline, r.instructions, r.requires_approval};
}

nlohmann::json units_json(const std::vector<Unit>& units, const std::vector<Id>& checked) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : units)
    out.push_back({{"id", u.id}, {"name", u.name}, {"kind", label(u.kind)},
                   {"checked", std::find(checked.begin(), checked.end(), u.id) != checked.end()}});
  if (!out.empty()) out.front()["first"] = true;
  return out;
}

nlohmann::json items_json(const std::vector<service::ItemChoice>& items, std::optional<Id> selected, bool items_only) {
  nlohmann::json out = nlohmann::json::array();
  Id document = 0;
  for (const auto& c : items) {
    if (items_only && c.node.kind != NodeKind::item) continue;
    const bool new_document = c.document.id != document;
    document = c.document.id;
    out.push_back({{"id", c.node.id}, {"document", c.document.title}, {"new_document", new_document},
                   {"number", c.node.number}, {"title", c.node.title}, {"is_item", c.node.kind == NodeKind::item},
                   {"depth", std::min(c.depth, 3)}, {"selected", selected == c.node.id}});
  }
  return out;
}

// The question form's fields, filled from `q` (or empty for a new question).
nlohmann::json question_json(const service::RoundBuilder& b, const Question& q,
                             const std::vector<service::FieldError>& errors) {
  const bool kinds = !q.audience_kinds.empty();
  const bool chosen = !kinds && !q.audience_units.empty();
  nlohmann::json kind_list = nlohmann::json::array();
  for (const auto& k : kKinds)
    kind_list.push_back({{"code", to_code(k.kind)}, {"label", k.label},
                         {"checked", std::find(q.audience_kinds.begin(), q.audience_kinds.end(), k.kind) !=
                                         q.audience_kinds.end()}});
  kind_list.front()["first"] = true;
  nlohmann::json options = nlohmann::json::array();
  for (std::size_t i = 0; i < b.options.size(); ++i) {
    const auto& o = b.options[i];
    options.push_back({{"label", o}, {"index", i + 1},
                       {"checked", std::find(q.comment_required_for.begin(), q.comment_required_for.end(), o) !=
                                       q.comment_required_for.end()}});
  }
  options.front()["first"] = true;
  nlohmann::json scales = nlohmann::json::array();
  for (const auto& scale : b.scales)
    scales.push_back({{"id", scale.id}, {"name", scale.name}, {"selected", scale.id == q.scale_id}});
  return {{"text", q.text},
          {"scales", scales},
          {"items", items_json(b.items, q.node_id, true)},
          {"rule_optional", q.comment_rule == CommentRule::optional},
          {"rule_required", q.comment_rule == CommentRule::required},
          {"rule_some", q.comment_rule == CommentRule::required_for_some},
          {"options", options},
          {"audience_all", !kinds && !chosen},
          {"audience_kinds", kinds},
          {"audience_units", chosen},
          {"kinds", kind_list},
          {"units", units_json(b.units, q.audience_units)},
          {"fel", errors_json(errors)["fel"]}};
}

// A question as posted, for showing the form again with what was typed.
Question posted_question(const service::QuestionDraft& d) {
  Question q{.node_id = d.node_id, .text = d.text, .scale_id = d.scale_id.value_or(0), .comment_rule = d.comment_rule,
             .comment_required_for = d.comment_required_for};
  if (d.audience == service::AudienceMode::kinds) q.audience_kinds = d.kinds;
  if (d.audience == service::AudienceMode::units) q.audience_units = d.units;
  return q;
}

http::Response with_status(http::Response response, int status) {
  response.status = status;
  return response;
}

}  // namespace

service::RoundSettings settings_from(const Form& form) {
  return {http::form_value(form, "namn"),          int_from(http::form_value(form, "ar")),
          http::form_value(form, "oppnas"),        http::form_value(form, "sista-svarsdag"),
          http::form_value(form, "instruktioner"), http::form_value(form, "godkannande") == "ja"};
}

std::vector<Id> ids_from(const Form& form, const std::string& name) {
  std::vector<Id> out;
  for (const auto& v : values_of(form, name))
    if (auto id = parse_id(v)) out.push_back(*id);
  return out;
}

service::QuestionDraft question_from(const Form& form) {
  service::QuestionDraft d;
  d.text = http::form_value(form, "fraga");
  d.node_id = parse_id(http::form_value(form, "punkt"));
  d.scale_id = parse_id(http::form_value(form, "svarsalternativ"));
  d.comment_rule = comment_rule_from_code(http::form_value(form, "kommentar-regel")).value_or(CommentRule::optional);
  d.comment_required_for = values_of(form, "kommentar-svar");
  const auto audience = http::form_value(form, "malgrupp");
  d.audience = audience == "typer" ? service::AudienceMode::kinds
               : audience == "enheter" ? service::AudienceMode::units
                                       : service::AudienceMode::all;
  for (const auto& code : values_of(form, "malgrupp-typer"))
    if (auto kind = unit_kind_from_code(code)) d.kinds.push_back(*kind);
  d.units = ids_from(form, "malgrupp-enheter");
  return d;
}

std::string builder_href(Id round_id) { return "/omgangar/" + std::to_string(round_id) + "/bygg"; }

http::Response round_new_page(const Site& site, const Visit& visit, const service::RoundSettings& settings,
                              const std::vector<service::FieldError>& errors, int status) {
  Page page{.title = "Ny uppföljningsomgång", .template_name = "round_new", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {"Ny omgång", ""}};
  page.data = {{"csrf", visit.csrf_token},
               {"summary", summary_html(errors)},
               {"settings", settings_html(settings, errors)},
               {"units", units_json(service::round_candidate_units(site.store, visit.viewer()), {})},
               {"items", items_json(service::item_choices(site.store), std::nullopt, false)},
               {"fel", errors_json(errors)["fel"]}};
  return with_status(render_page(site, visit, page), status);
}

http::Response round_builder_page(const Site& site, const Visit& visit, Id round_id,
                                  const std::vector<service::FieldError>& errors, int status, const Posted& posted,
                                  const BuilderNotice& notice) {
  auto b = service::round_builder(site.store, visit.viewer(), round_id);
  if (!b) return error_page(site, visit, 404);
  const std::string base = "/omgangar/" + std::to_string(round_id);
  const bool draft = b->round.status == RoundStatus::draft;
  nlohmann::json questions = nlohmann::json::array();
  for (std::size_t i = 0; i < b->questions.size(); ++i) {
    const auto& q = b->questions[i];
    const bool new_section = i == 0 || b->questions[i - 1].section != q.section;
    questions.push_back({{"id", q.question.id}, {"text", q.question.text}, {"audience", q.audience},
                         {"section", new_section ? q.section : ""}, {"scale", q.scale},
                         {"reference", q.item ? q.item->number + " " + q.item->title : ""},
                         {"href", base + "/fragor/" + std::to_string(q.question.id)},
                         {"first", i == 0}, {"last", i + 1 == b->questions.size()}, {"number", i + 1},
                         {"reaches", q.reaches}, {"reaches_none", q.reaches == 0}});
  }
  std::vector<Id> unit_ids;
  for (const auto& u : b->units) unit_ids.push_back(u.id);
  // For an open round: the units taking part (for a later deadline) and those that may join.
  nlohmann::json taking_part = nlohmann::json::array();
  for (const auto& u : b->units) {
    auto own = b->deadlines.find(u.id);
    taking_part.push_back({{"id", u.id}, {"name", u.name}, {"deadline", own == b->deadlines.end() ? "" : own->second}});
  }
  std::vector<Unit> addable;
  for (const auto& u : b->candidates)
    if (std::find(unit_ids.begin(), unit_ids.end(), u.id) == unit_ids.end()) addable.push_back(u);
  const bool closed = b->round.status == RoundStatus::closed || b->round.status == RoundStatus::published;
  Page page{.title = "Bygg " + b->round.name, .template_name = "round_builder", .nav = "start"};
  if (!notice.at_questions) page.notice = notice.text;
  page.crumbs = {{"Uppföljningar", "/"}, {b->round.name, base}, {"Bygg omgången", ""}};
  page.data = {{"csrf", visit.csrf_token},
               {"base", base},
               {"round", round_json(b->round)},
               {"draft", draft},
               {"open", b->round.status == RoundStatus::open},
               {"closed", closed},
               {"archived", b->round.archived},
               {"changeable", draft || b->round.status == RoundStatus::open},
               {"editable", draft || b->round.status == RoundStatus::open},
               {"taking_part", taking_part},
               {"addable", units_json(addable, {})},
               {"has_addable", !addable.empty()},
               {"summary", summary_html(errors)},
               {"settings", settings_html(posted.settings.value_or(settings_of(b->round)), errors)},
               {"questions", questions},
               {"has_questions", !questions.empty()},
               {"question", question_json(*b, posted.question ? posted_question(*posted.question) : Question{}, errors)},
               {"units", units_json(b->candidates, unit_ids)},
               {"unit_count", b->units.size()},
               {"round_units", b->unit_count},
               {"question_notice", notice.at_questions ? notice.text : ""},
               {"fel", errors_json(errors)["fel"]}};
  page.data["question_fields"] = render_template("question_fields", page.data["question"]);
  return with_status(render_page(site, visit, page), status);
}

http::Response question_edit_page(const Site& site, const Visit& visit, Id round_id, Id question_id,
                                  const std::vector<service::FieldError>& errors, int status,
                                  const std::optional<service::QuestionDraft>& posted) {
  auto b = service::round_builder(site.store, visit.viewer(), round_id);
  if (!b) return error_page(site, visit, 404);
  auto q = std::find_if(b->questions.begin(), b->questions.end(),
                        [&](const service::BuilderQuestion& x) { return x.question.id == question_id; });
  if (q == b->questions.end()) return error_page(site, visit, 404);
  const std::string base = "/omgangar/" + std::to_string(round_id);
  if (b->round.status == RoundStatus::open) {  // only the wording, kept as a change (service/round_corrections.h)
    Page page{.title = "Rätta frågans formulering", .template_name = "question_reword", .nav = "start"};
    page.crumbs = {{"Uppföljningar", "/"}, {b->round.name, base}, {"Bygg omgången", builder_href(round_id)},
                   {"Rätta formuleringen", ""}};
    page.data = {{"csrf", visit.csrf_token},
                 {"action", base + "/fragor/" + std::to_string(question_id) + "/formulering"},
                 {"back", builder_href(round_id)},
                 {"summary", summary_html(errors)},
                 {"text", posted ? posted->text : q->question.text},
                 {"fel", errors_json(errors)["fel"]}};
    return with_status(render_page(site, visit, page), status);
  }
  Page page{.title = "Ändra fråga", .template_name = "question_edit", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {b->round.name, base}, {"Bygg omgången", builder_href(round_id)}, {"Ändra fråga", ""}};
  page.data = {{"csrf", visit.csrf_token},
               {"action", base + "/fragor/" + std::to_string(question_id)},
               {"back", builder_href(round_id)},
               {"summary", summary_html(errors)},
               {"question_fields",
                render_template("question_fields", question_json(*b, posted ? posted_question(*posted) : q->question, errors))}};
  return with_status(render_page(site, visit, page), status);
}

http::Response round_copy_page(const Site& site, const Visit& visit, Id round_id, const service::RoundSettings& settings,
                               const std::vector<service::FieldError>& errors, int status) {
  auto b = service::round_builder(site.store, visit.viewer(), round_id);
  if (!b) return error_page(site, visit, 404);
  const std::string base = "/omgangar/" + std::to_string(round_id);
  Page page{.title = "Kopiera " + b->round.name, .template_name = "round_copy", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {b->round.name, base}, {"Kopiera", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"action", base + "/kopiera"}, {"source", b->round.name},
               {"questions", b->questions.size()}, {"units", b->units.size()},
               {"summary", summary_html(errors)}, {"settings", settings_html(settings, errors)},
               {"year_warning", service::year_warning(settings)}};
  return with_status(render_page(site, visit, page), status);
}

// Exposed for round_copy_show: the source's settings for next year.
service::RoundSettings next_year_settings(const Round& source) {
  auto s = settings_of(source);
  s.year = source.year + 1;
  const auto year = std::to_string(source.year);
  if (auto at = s.name.find(year); at != std::string::npos) s.name.replace(at, year.size(), std::to_string(s.year));
  else s.name += " (kopia)";
  s.opens_on.clear();
  s.deadline.clear();
  return s;
}

}  // namespace uppsikt::web
