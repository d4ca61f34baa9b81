// POST /import/spara — saves the previewed files into the chosen round for the chosen unit
// and shows what was created and matched per file.
#include <algorithm>

#include "http/form.h"
#include "service/web_import.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/outcome_response.h"
#include "web/import_choices.h"
#include "web/import_pages.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response import_save(const Site& site, const Visit& visit, const http::Request& request) {
  if (!service::may_import(visit.viewer())) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  const std::string token = http::form_value(fields, "uppladdning");
  auto files = service::staged_uploads(site.store, visit.viewer(), token);
  if (files.empty())
    return import_form_page(site, visit, {"Filerna finns inte längre (de sparas i ett dygn). Ladda upp dem igen."}, 422);

  // Saved as previewed: with the column roles and scale the preview was last read with.
  const auto choices = posted_choices(fields, files.size());
  for (std::size_t i = 0; i < files.size(); ++i) files[i].options = choices[i];

  service::RoundChoice round{.new_name = http::form_value(fields, "ny-omgang")};
  if (round.new_name.find_first_not_of(" \t") == std::string::npos) round.round_id = parse_id(http::form_value(fields, "omgang"));
  const auto unit_id = parse_id(http::form_value(fields, "enhet"));

  auto result = service::import_save(site.store, visit.viewer(), files, round, unit_id.value_or(0));
  const auto& outcome = result.outcome;
  if (outcome.kind == service::Outcome::Kind::not_allowed) return error_page(site, visit, 403);
  if (!outcome.ok()) {
    std::vector<service::FilePreview> previews;
    for (const auto& f : files) previews.push_back(service::import_preview(f.file_name, f.bytes, f.options));
    const ImportChoice choice{.round_id = round.round_id, .new_name = round.new_name, .unit_id = unit_id,
                              .error = outcome.message(),
                              .field = outcome.errors.empty() ? "" : outcome.errors.front().field};
    return import_preview_page(site, visit, token, previews, choice, refusal_status(outcome.kind));
  }
  auto page = import_result_page(site, visit, result);
  // Nothing saved because the round or the response does not take the change: as the
  // answering page answers the same change by hand.
  const bool any_saved = std::any_of(result.files.begin(), result.files.end(), [](const auto& f) { return f.counts.has_value(); });
  const bool any_refused = std::any_of(result.files.begin(), result.files.end(), [](const auto& f) { return f.outcome.kind == service::Outcome::Kind::conflict; });
  if (!any_saved && any_refused) page.status = 409;
  return page;
}

}  // namespace uppsikt::web
