#pragma once
// A document's nodes in reading order: depth first, siblings by position.
#include <vector>

#include "core/document.h"

namespace uppsikt {

struct OutlineEntry {
  const Node* node = nullptr;  // points into the vector given to outline()
  int depth = 0;               // 0 for nodes directly under the document
};

// Nodes whose parent is missing from `nodes` are treated as top-level, so nothing is lost.
std::vector<OutlineEntry> outline(const std::vector<Node>& nodes);

}  // namespace uppsikt
