#pragma once
// Keeping the governing documents, for admins and coordinators: a document's facts, its areas
// and items (with the units responsible for an item), their order, and new editions. A new
// edition copies the document and its tree and names the old one, which stays as it was with
// the questions and answers that refer to it; only the newest edition can be changed.
// Each change is validated (Swedish messages per field) and audited in its own transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct DocumentFields {
  std::string title;
  std::string kind;  // core's code: "program", "handlingsplan", "plan"
  std::string period;
  std::string decided_by;
  std::string decided_on;  // ÅÅÅÅ-MM-DD or empty
};

struct NodeFields {
  std::optional<Id> parent_id;  // an area of the same document, or none for the top level
  std::string kind;             // "area" or "item"
  std::string number;
  std::string title;
  std::string text;
  std::string expected_result;
  std::vector<Id> responsible_units;
};

// Admins and coordinators (anywhere) keep the documents.
bool may_edit_documents(const Viewer& viewer);

// Outcome::id is the document.
Outcome create_document(store::Store& store, const Viewer& viewer, const DocumentFields& fields);
Outcome update_document(store::Store& store, const Viewer& viewer, Id document_id, const DocumentFields& fields);
// Outcome::id is the new edition.
Outcome new_edition(store::Store& store, const Viewer& viewer, Id document_id, const std::string& period);

// Outcome::id is the node; a new node goes last among its siblings.
Outcome add_node(store::Store& store, const Viewer& viewer, Id document_id, const NodeFields& fields);
Outcome update_node(store::Store& store, const Viewer& viewer, Id node_id, const NodeFields& fields);
// Swaps the node with its previous or next sibling; at either end nothing moves.
Outcome move_node(store::Store& store, const Viewer& viewer, Id node_id, Move move);

// Removes an area or item that nothing refers to: no areas or items under it, no question
// following it up (those stay with the edition; make a new one). Outcome::id is the document.
Outcome remove_node(store::Store& store, const Viewer& viewer, Id node_id);

// Whether a document has been replaced by a newer edition.
bool is_replaced(store::Store& store, Id document_id);

}  // namespace uppsikt::service
