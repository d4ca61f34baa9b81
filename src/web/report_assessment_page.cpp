#include "web/report_assessment_page.h"

#include "http/form.h"
#include "web/infra/form_errors.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json errors_by_field(const std::vector<service::FieldError>& errors) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& e : errors) out[e.field] = e.message;
  return out;
}

std::string text_of(const std::optional<service::AssessmentInput>& posted,
                    const std::string& target, const std::string& saved) {
  if (!posted) return saved;
  auto it = posted->texts.find(target);
  return it == posted->texts.end() ? saved : it->second;
}

}  // namespace

service::AssessmentInput assessment_input(const service::AssessmentForm& form, const http::Request& request) {
  const auto fields = http::parse_form(request);
  service::AssessmentInput input{.cover = {http::form_value(fields, "avsandare"), http::form_value(fields, "datum"),
                                           http::form_value(fields, "diarienummer")}};
  auto take = [&](const std::string& target) {
    const auto field = service::assessment_field(target);
    if (fields.find(field) != fields.end()) input.texts[target] = http::form_value(fields, field);
  };
  take(kRoundTarget);
  for (const auto& part : form.parts) take(part.target);
  return input;
}

http::Response report_assessment_page(const Site& site, const Visit& visit, Id round_id,
                                      const std::vector<service::FieldError>& errors, int status,
                                      const std::optional<service::AssessmentInput>& posted) {
  auto form = service::assessment_form(site.store, visit.viewer(), round_id);
  if (!form) return error_page(site, visit, 404);
  const std::string round_href = "/omgangar/" + std::to_string(round_id);
  const auto fel = errors_by_field(errors);
  auto part_json = [&](const std::string& target, const std::string& label, int level, bool question,
                       const std::string& saved) {
    const auto field = service::assessment_field(target);
    return nlohmann::json{{"field", field}, {"label", label}, {"level", level}, {"question", question},
                          {"text", text_of(posted, target, saved)},
                          {"error", fel.contains(field) ? fel[field].get<std::string>() : ""}};
  };
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& p : form->parts) parts.push_back(part_json(p.target, p.label, p.level, p.question, p.text));
  const ReportCover cover = posted ? posted->cover : form->cover;
  Page page{.title = form->heading, .template_name = "report_assessment", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {form->round.name, round_href}, {"Sammanställning", round_href + "/rapport"},
                 {"Bedömning", ""}};
  page.data = {{"csrf", visit.csrf_token},
               {"action", round_href + "/rapport/bedomning"},
               {"back", round_href + "/rapport"},
               {"heading", form->heading},
               {"default_sender", form->default_sender},
               {"sender", cover.sender},
               {"date", cover.date},
               {"registration_number", cover.registration_number},
               {"round_part", part_json(kRoundTarget, "Hela omgången", 1, false, form->round_text)},
               {"parts", parts},
               {"has_errors", !errors.empty()},
               {"fel", fel}};
  nlohmann::json summary = nlohmann::json::array();
  for (const auto& e : errors) summary.push_back({{"href", "#" + e.field}, {"message", e.message}});
  page.data["errors"] = summary;
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

}  // namespace uppsikt::web
