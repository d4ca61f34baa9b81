#pragma once
// The governing documents and one document's outline of areas and items.
#include <optional>
#include <vector>

#include "core/document.h"
#include "store/store.h"

namespace uppsikt::service {

struct DocumentSummary {
  Document document;
  int areas = 0;
  int items = 0;
};

std::vector<DocumentSummary> document_summaries(store::Store& store);

struct OutlineRow {
  Node node;
  int depth = 0;
};

struct DocumentView {
  Document document;
  std::vector<OutlineRow> rows;
};

std::optional<DocumentView> document_view(store::Store& store, Id document_id);

}  // namespace uppsikt::service
