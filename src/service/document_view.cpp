#include "service/document_view.h"

#include "core/outline.h"

namespace uppsikt::service {

std::vector<DocumentSummary> document_summaries(store::Store& store) {
  auto tx = store.begin();
  std::vector<DocumentSummary> out;
  for (auto& doc : tx->documents()) {
    DocumentSummary s{doc, 0, 0};
    for (const auto& n : tx->nodes(doc.id)) (n.kind == NodeKind::area ? s.areas : s.items)++;
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<DocumentView> document_view(store::Store& store, Id document_id) {
  auto tx = store.begin();
  auto doc = tx->document(document_id);
  if (!doc) return std::nullopt;
  DocumentView view{*doc, {}};
  auto nodes = tx->nodes(document_id);
  for (const auto& entry : outline(nodes)) view.rows.push_back({*entry.node, entry.depth});
  return view;
}

}  // namespace uppsikt::service
