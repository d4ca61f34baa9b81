// Governing documents and the tree of their areas and items.
#include <unordered_map>

#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectDocument =
    "SELECT id, title, kind, period, decided_by, decided_on, position, previous_id, edition, unit_id "
    "FROM documents";
const std::string kSelectNode =
    "SELECT id, document_id, parent_id, kind, number, title, text, expected_result, position "
    "FROM nodes";

struct DocumentRow {
  long long id = 0;
  std::string title;
  std::string kind;
  std::string period;
  std::string decided_by;
  std::string decided_on;
  int position = 0;
  NullableId previous_id;
  int edition = 1;
  NullableId unit_id;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(title));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(period));
    st.exchange(soci::into(decided_by));
    st.exchange(soci::into(decided_on));
    st.exchange(soci::into(position));
    st.exchange(soci::into(previous_id.value, previous_id.indicator));
    st.exchange(soci::into(edition));
    st.exchange(soci::into(unit_id.value, unit_id.indicator));
  }
  Document value() const {
    return Document{.id = id,
                    .title = title,
                    .kind = decode(document_kind_from_code(kind), "document kind", kind),
                    .period = period,
                    .decided_by = decided_by,
                    .decided_on = decided_on,
                    .position = position,
                    .previous_id = previous_id.get(),
                    .edition = edition,
                    .unit_id = unit_id.get()};
  }
};

struct NodeRow {
  long long id = 0;
  long long document_id = 0;
  NullableId parent_id;
  std::string kind;
  std::string number;
  std::string title;
  std::string text;
  std::string expected_result;
  int position = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(document_id));
    st.exchange(soci::into(parent_id.value, parent_id.indicator));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(number));
    st.exchange(soci::into(title));
    st.exchange(soci::into(text));
    st.exchange(soci::into(expected_result));
    st.exchange(soci::into(position));
  }
  Node value() const {
    return Node{.id = id,
                .document_id = document_id,
                .parent_id = parent_id.get(),
                .kind = decode(node_kind_from_code(kind), "node kind", kind),
                .number = number,
                .title = title,
                .text = text,
                .expected_result = expected_result,
                .position = position};
  }
};

// Replaces the units responsible for a node.
void write_responsible_units(soci::session& sql, Id node, const std::vector<Id>& units) {
  sql << "DELETE FROM node_units WHERE node_id = :id", soci::use(node);
  for (Id unit : units)
    sql << "INSERT INTO node_units (node_id, unit_id) VALUES (:node, :unit)", soci::use(node),
        soci::use(unit);
}

// Fills each node's responsible units from the rows (node id, unit id) selected.
void attach_responsible_units(std::vector<Node>& nodes, const std::vector<std::pair<Id, Id>>& links) {
  std::unordered_map<Id, Node*> by_id;
  for (auto& node : nodes) by_id.emplace(node.id, &node);
  for (const auto& [node_id, unit] : links)
    if (auto it = by_id.find(node_id); it != by_id.end()) it->second->responsible_units.push_back(unit);
}

}  // namespace

Id SociTx::add_document(const Document& document) {
  return write("add_document", [&] {
    const std::string kind{to_code(document.kind)};
    NullableId previous(document.previous_id);
    NullableId unit(document.unit_id);
    return insert_returning_id(
        db(),
        "INSERT INTO documents (title, kind, period, decided_by, decided_on, position, "
        "previous_id, edition, unit_id) VALUES (:title, :kind, :period, :decided_by, :decided_on, "
        ":position, :previous_id, :edition, :unit_id) RETURNING id",
        soci::use(document.title), soci::use(kind), soci::use(document.period),
        soci::use(document.decided_by), soci::use(document.decided_on),
        soci::use(document.position), soci::use(previous.value, previous.indicator),
        soci::use(document.edition), soci::use(unit.value, unit.indicator));
  });
}

void SociTx::update_document(const Document& document) {
  write("update_document", [&] {
    const std::string kind{to_code(document.kind)};
    NullableId previous(document.previous_id);
    NullableId unit(document.unit_id);
    sql() << "UPDATE documents SET title = :title, kind = :kind, period = :period, "
             "decided_by = :decided_by, decided_on = :decided_on, position = :position, "
             "previous_id = :previous_id, edition = :edition, unit_id = :unit_id WHERE id = :id",
        soci::use(document.title), soci::use(kind), soci::use(document.period),
        soci::use(document.decided_by), soci::use(document.decided_on),
        soci::use(document.position), soci::use(previous.value, previous.indicator),
        soci::use(document.edition), soci::use(unit.value, unit.indicator), soci::use(document.id);
  });
}

std::optional<Document> SociTx::document(Id id) {
  return read("document", [&] {
    return select_one<DocumentRow>(db(), kSelectDocument + " WHERE id = :id", soci::use(id));
  });
}

std::optional<Document> SociTx::document_by_title(std::string_view title) {
  return read("document_by_title", [&] {
    const std::string wanted{title};
    // Titles may repeat across periods; the first one stored wins.
    return select_one<DocumentRow>(
        db(), kSelectDocument + " WHERE title = :title ORDER BY id LIMIT 1", soci::use(wanted));
  });
}

std::vector<Document> SociTx::documents() {
  return read("documents", [&] {
    return select_all<DocumentRow>(db(), kSelectDocument + " ORDER BY position, id");
  });
}

Id SociTx::add_node(const Node& node) {
  return write("add_node", [&] {
    NullableId parent(node.parent_id);
    const std::string kind{to_code(node.kind)};
    const Id id = insert_returning_id(
        db(),
        "INSERT INTO nodes "
        "(document_id, parent_id, kind, number, title, text, expected_result, position) "
        "VALUES (:document_id, :parent_id, :kind, :number, :title, :text, :expected_result, "
        ":position) RETURNING id",
        soci::use(node.document_id), soci::use(parent.value, parent.indicator), soci::use(kind),
        soci::use(node.number), soci::use(node.title), soci::use(node.text),
        soci::use(node.expected_result), soci::use(node.position));
    write_responsible_units(sql(), id, node.responsible_units);
    return id;
  });
}

std::optional<Node> SociTx::node(Id id) {
  return read("node", [&]() -> std::optional<Node> {
    auto node = select_one<NodeRow>(db(), kSelectNode + " WHERE id = :id", soci::use(id));
    if (!node) return std::nullopt;
    std::vector<Node> one{*node};
    attach_responsible_units(
        one, select_all<IdPairRow>(
                 db(), "SELECT node_id, unit_id FROM node_units WHERE node_id = :id ORDER BY unit_id",
                 soci::use(id)));
    return one.front();
  });
}

void SociTx::update_node(const Node& node) {
  write("update_node", [&] {
    NullableId parent(node.parent_id);
    const std::string kind{to_code(node.kind)};
    sql() << "UPDATE nodes SET parent_id = :parent_id, kind = :kind, number = :number, "
             "title = :title, text = :text, expected_result = :expected_result, "
             "position = :position WHERE id = :id",
        soci::use(parent.value, parent.indicator), soci::use(kind), soci::use(node.number),
        soci::use(node.title), soci::use(node.text), soci::use(node.expected_result),
        soci::use(node.position), soci::use(node.id);
    write_responsible_units(sql(), node.id, node.responsible_units);
  });
}

void SociTx::remove_node(Id id) {
  write("remove_node", [&] {
    sql() << "DELETE FROM node_units WHERE node_id = :id", soci::use(id);
    sql() << "DELETE FROM nodes WHERE id = :id", soci::use(id);
  });
}

int SociTx::questions_following(Id node_id) {
  return read("questions_following", [&] {
    int count = 0;
    sql() << "SELECT COUNT(*) FROM questions WHERE node_id = :id", soci::use(node_id), soci::into(count);
    return count;
  });
}

std::vector<Node> SociTx::nodes(Id document_id) {
  return read("nodes", [&] {
    // COALESCE puts the roots first in both SQLite and PostgreSQL, which disagree on where
    // NULL sorts; ids start at 1.
    auto nodes = select_all<NodeRow>(
        db(),
        kSelectNode +
            " WHERE document_id = :document_id ORDER BY COALESCE(parent_id, 0), position, id",
        soci::use(document_id));
    attach_responsible_units(
        nodes, select_all<IdPairRow>(db(),
                                     "SELECT nu.node_id, nu.unit_id FROM node_units nu "
                                     "JOIN nodes n ON n.id = nu.node_id "
                                     "WHERE n.document_id = :document_id ORDER BY nu.node_id, nu.unit_id",
                                     soci::use(document_id)));
    return nodes;
  });
}

}  // namespace uppsikt::store
