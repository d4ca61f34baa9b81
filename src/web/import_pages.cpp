#include "web/import_pages.h"

#include "web/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json preview_json(const service::FilePreview& p, std::size_t index) {
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json warnings = nlohmann::json::array();
  if (p.followup) {
    for (const auto& q : p.followup->questions)
      rows.push_back({{"section", q.section},
                      {"question", q.text},
                      {"answer", q.answer.value_or("")},
                      {"comment", q.comment.value_or("")}});  // whole: it is what gets saved
    for (const auto& w : p.followup->warnings) {
      std::string where = "Rad " + std::to_string(w.line);
      if (w.page > 0) where += ", sida " + std::to_string(w.page);
      warnings.push_back({{"where", where}, {"message", w.message}});
    }
  }
  return {{"file_name", p.file_name}, {"rows", rows}, {"questions", rows.size()}, {"warnings", warnings},
          {"has_warnings", !warnings.empty()}, {"id", "fil-" + std::to_string(index + 1)}};
}

}  // namespace

http::Response import_form_page(const Site& site, const Visit& visit, const std::vector<std::string>& errors,
                                int status) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors) list.push_back({{"field", "filer"}, {"message", e}});
  Page page{.title = "Importera uppföljningar", .template_name = "import_new", .nav = "import"};
  page.crumbs = {{"Uppföljningar", "/"}, {"Import", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"errors", list}, {"has_errors", !errors.empty()}};
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

http::Response import_preview_page(const Site& site, const Visit& visit, const std::string& token,
                                   const std::vector<service::FilePreview>& previews, const ImportChoice& choice,
                                   int status) {
  nlohmann::json files = nlohmann::json::array();
  for (std::size_t i = 0; i < previews.size(); ++i) files.push_back(preview_json(previews[i], i));
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& r : service::import_rounds(site.store, visit.viewer())) rounds.push_back({{"id", r.id}, {"name", r.name}, {"selected", choice.round_id == r.id}});
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : service::import_units(site.store, visit.viewer()))
    units.push_back({{"id", u.id}, {"name", u.name}, {"selected", choice.unit_id == u.id}});
  Page page{.title = "Förhandsgranska import", .template_name = "import_preview", .nav = "import"};
  page.crumbs = {{"Uppföljningar", "/"}, {"Import", "/import"}, {"Förhandsgranska", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"token", token},  {"files", files},
               {"rounds", rounds},         {"units", units},  {"error", choice.error},
               {"has_error", !choice.error.empty()}, {"new_name", choice.new_name},
               {"fel", {{choice.field, choice.error}}}};
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

http::Response import_result_page(const Site& site, const Visit& visit, const service::ImportResult& result) {
  nlohmann::json files = nlohmann::json::array();
  int failures = 0;
  for (const auto& f : result.files) {
    nlohmann::json row{{"file_name", f.file_name}, {"error", f.error}, {"failed", !f.counts}};
    if (f.counts) {
      row["documents_created"] = f.counts->documents_created;
      row["questions_created"] = f.counts->questions_created;
      row["questions_matched"] = f.counts->questions_matched;
      row["answers_saved"] = f.counts->answers_saved;
      row["answers_unchanged"] = f.counts->answers_unchanged;
    } else {
      ++failures;
    }
    files.push_back(std::move(row));
  }
  const bool nothing_saved = failures == static_cast<int>(result.files.size());
  Page page{.title = nothing_saved ? "Importen sparade inget" : "Importen är klar", .template_name = "import_result",
            .nav = "import"};
  page.crumbs = {{"Uppföljningar", "/"}, {"Import", "/import"}, {"Resultat", ""}};
  const std::string round_href = result.round_id ? "/omgangar/" + std::to_string(result.round_id) : "";
  page.data = {{"round", result.round_name}, {"unit", result.unit_name}, {"files", files},
               {"round_href", round_href},
               {"response_href", round_href.empty() ? "" : round_href + "/svar/" + std::to_string(result.unit_id)},
               {"failures", failures}, {"has_failures", failures > 0}, {"nothing_saved", nothing_saved}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
