// GET /dokument — the governing documents.
#include "service/document_admin.h"
#include "service/document_view.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response document_list(const Site& site, const Visit& visit, const http::Request&) {
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& s : service::document_summaries(site.store)) {
    documents.push_back({{"title", s.document.title},
                         {"kind", label(s.document.kind)},
                         {"period", s.document.period},
                         {"areas", s.areas},
                         {"items", s.items},
                         {"href", "/dokument/" + std::to_string(s.document.id)}});
  }
  Page page{.title = "Styrdokument", .template_name = "document_list", .nav = "dokument"};
  page.data = {{"documents", documents}, {"empty", documents.empty()},
               {"may_edit", service::may_edit_documents(visit.viewer())}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
