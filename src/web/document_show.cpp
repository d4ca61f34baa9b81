// GET /dokument/{id} — a governing document: its areas and the strategies and measures
// under them, with expected results.
#include <algorithm>

#include "service/document_admin.h"
#include "service/document_view.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response document_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto view = id ? service::document_view(site.store, *id) : std::nullopt;
  if (!view) return error_page(site, visit, 404);

  // Areas become headings (h2 and down, without skipping a level); the items under an area
  // are a list beneath its heading.
  nlohmann::json sections = nlohmann::json::array();
  sections.push_back({{"title", ""}, {"items", nlohmann::json::array()}});
  for (const auto& row : view->rows) {
    const auto& n = row.node;
    if (n.kind == NodeKind::area) {
      sections.push_back({{"number", n.number}, {"title", n.title}, {"level", std::min(row.depth + 2, 6)},
                          {"items", nlohmann::json::array()}});
      continue;
    }
    sections.back()["items"].push_back(
        {{"title", n.title}, {"text", n.text}, {"expected_result", n.expected_result}});
  }
  for (auto& s : sections) s["has_items"] = !s["items"].empty();

  const auto& d = view->document;
  Page page{.title = d.title, .template_name = "document_show", .nav = "dokument"};
  page.crumbs = {{"Styrdokument", "/dokument"}, {d.title, ""}};
  page.data = {{"kind", label(d.kind)}, {"period", d.period}, {"decided_by", d.decided_by},
               {"decided_on", d.decided_on}, {"sections", sections},
               {"edit_href", service::may_edit_document(site.store, visit.viewer(), d.id) ? "/dokument/" + std::to_string(d.id) + "/redigera" : ""},
               {"edition", d.edition > 1 ? std::to_string(d.edition) : ""}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
