#include "web/import_pages.h"

#include "web/import_choices.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

std::string where(int page, int line) {
  std::string out = "Rad " + std::to_string(line);
  if (page > 0) out = "Sida " + std::to_string(page) + ", rad " + std::to_string(line);
  return out;
}

// The question a warning concerns: the last one that begins at or before the warning's
// place; none for a warning without a place or before the first question.
std::optional<std::size_t> row_of(const importer::FollowUp& f, const importer::Warning& w) {
  if (w.line <= 0) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < f.questions.size(); ++i) {
    const auto& q = f.questions[i];
    if (std::pair{q.page, q.line} <= std::pair{w.page, w.line}) found = i;
  }
  return found;
}

// What the lines above the first heading said ("Nämnd: …", "Datum: …"), so that the person
// can check them against the unit they choose; nothing of it is saved.
nlohmann::json facts_json(const importer::Facts& facts) {
  nlohmann::json out = nlohmann::json::array();
  if (facts.unit) out.push_back("Enhet: " + *facts.unit);
  if (facts.date) out.push_back("Datum: " + *facts.date);
  for (const auto& line : facts.other) out.push_back(line);
  return out;
}

nlohmann::json preview_json(const service::FilePreview& p, std::size_t index) {
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json warnings = nlohmann::json::array();  // those that concern no row
  std::size_t at_rows = 0;
  if (p.followup) {
    const importer::FollowUp& f = *p.followup;
    for (const auto& q : f.questions)
      rows.push_back({{"where", where(q.page, q.line)},
                      {"section", q.section},
                      {"number", q.reference_number.value_or("")},
                      {"question", q.text},
                      {"audience", q.audience.value_or("")},
                      {"answer", q.answer.value_or("")},
                      {"comment", q.comment.value_or("")},  // whole: it is what gets saved
                      {"extra", q.reference_text},
                      {"warnings", nlohmann::json::array()},
                      {"has_warnings", false}});  // else the file's would show through
    for (const auto& w : f.warnings) {
      nlohmann::json item{{"where", where(w.page, w.line)}, {"message", w.message}};
      if (auto row = row_of(f, w)) {
        rows[*row]["warnings"].push_back(std::move(item));
        rows[*row]["has_warnings"] = true;
        ++at_rows;
      } else {
        warnings.push_back(std::move(item));
      }
    }
  }
  nlohmann::json out{{"file_name", p.file_name},  {"rows", rows}, {"questions", rows.size()},
                     {"warnings", warnings},      {"has_warnings", !warnings.empty()},
                     {"warnings_at_rows", at_rows}, {"has_warnings_at_rows", at_rows > 0},
                     {"id", "fil-" + std::to_string(index + 1)}};
  out["choices"] = p.followup ? choices_json(*p.followup, index) : choices_json({}, index);
  out["facts"] = p.followup ? facts_json(p.followup->facts) : nlohmann::json::array();
  out["has_facts"] = !out["facts"].empty();
  return out;
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
    nlohmann::json row{{"file_name", f.file_name}, {"error", f.outcome.message()}, {"failed", !f.counts}};
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
