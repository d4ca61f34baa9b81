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
#include "core/unit.h"
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
  // The unit that keeps the document; on a new one, empty means the highest unit the person
  // coordinates. Only a unit the person coordinates may be chosen.
  std::optional<Id> unit_id;
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

// A document belongs to a unit (Document::unit_id): admins and coordinators on that unit or
// above edit it, and nobody else. Anyone who coordinates some unit may create documents for
// the units they coordinate. Every change below refuses others as not found.
bool may_edit_documents(const Viewer& viewer);  // some document: may create one
bool may_edit_document(const Viewer& viewer, store::Tx& tx, const Document& document);
bool may_edit_document(store::Store& store, const Viewer& viewer, Id document_id);
// The units a new document may belong to for the viewer, sorted by name by Swedish rules.
std::vector<Unit> document_owner_units(store::Store& store, const Viewer& viewer);
// Where a new document goes unless another unit is chosen: the highest unit the viewer coordinates.
std::optional<Id> default_document_unit(store::Store& store, const Viewer& viewer);

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
