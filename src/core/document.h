#pragma once
// A governing document (styrdokument) and the tree of its areas and items.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"

namespace uppsikt {

enum class DocumentKind { program, handlingsplan, plan };

struct Document {
  Id id = 0;
  std::string title;
  DocumentKind kind = DocumentKind::program;
  std::string period;      // "2022–2026"
  std::string decided_by;  // "Kommunfullmäktige"
  std::string decided_on;  // ISO date, may be empty
  int position = 0;        // order among documents, as in the follow-up
  // A new edition replaces the document it names here; the old one and its history stay.
  std::optional<Id> previous_id;
  int edition = 1;
  // The unit that keeps the document: admins and coordinators on it or above edit it. None
  // only where no unit existed; then those who hold the role on every top unit edit it.
  std::optional<Id> unit_id;
};

// An area (målområde, fokusområde, or a follow-up heading above them) has children;
// an item (strategi, insats, åtgärd) is what questions follow up.
enum class NodeKind { area, item };

struct Node {
  Id id = 0;
  Id document_id = 0;
  std::optional<Id> parent_id;
  NodeKind kind = NodeKind::area;
  std::string number;           // "1.1.1" for an area, "1:1" or "3:2" for an item
  std::string title;            // "Målområde 1: Öka kunskapen"; for items the short name
  std::string text;             // the item's full wording
  std::string expected_result;  // förväntat resultat, may be empty
  int position = 0;             // order among siblings
  std::vector<Id> responsible_units;  // the units that carry out an item, may be empty
};

std::string_view to_code(DocumentKind kind);
std::optional<DocumentKind> document_kind_from_code(std::string_view code);
std::string_view label(DocumentKind kind);
std::string_view to_code(NodeKind kind);
std::optional<NodeKind> node_kind_from_code(std::string_view code);

}  // namespace uppsikt
