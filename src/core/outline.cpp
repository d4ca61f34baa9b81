#include "core/outline.h"

#include <algorithm>
#include <map>
#include <set>

namespace uppsikt {
namespace {

using Children = std::map<Id, std::vector<const Node*>>;  // parent id (0: top) → children

void walk(const Children& children, Id parent, int depth, std::set<Id>& seen,
          std::vector<OutlineEntry>& out) {
  auto it = children.find(parent);
  if (it == children.end()) return;
  for (const Node* n : it->second) {
    if (!seen.insert(n->id).second) continue;  // guards against a cycle in bad data
    out.push_back({n, depth});
    walk(children, n->id, depth + 1, seen, out);
  }
}

}  // namespace

std::vector<OutlineEntry> outline(const std::vector<Node>& nodes) {
  std::set<Id> ids;
  for (const auto& n : nodes) ids.insert(n.id);

  Children children;
  for (const auto& n : nodes) {
    Id parent = n.parent_id && ids.count(*n.parent_id) ? *n.parent_id : 0;
    children[parent].push_back(&n);
  }
  for (auto& [parent, list] : children)
    std::stable_sort(list.begin(), list.end(), [](const Node* a, const Node* b) {
      return a->position != b->position ? a->position < b->position : a->id < b->id;
    });

  std::vector<OutlineEntry> out;
  std::set<Id> seen;
  walk(children, 0, 0, seen, out);
  return out;
}

}  // namespace uppsikt
