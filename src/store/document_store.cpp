// Governing documents and the tree of their areas and items.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectDocument =
    "SELECT id, title, kind, period, decided_by, decided_on, position FROM documents";
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

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(title));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(period));
    st.exchange(soci::into(decided_by));
    st.exchange(soci::into(decided_on));
    st.exchange(soci::into(position));
  }
  Document value() const {
    return Document{.id = id,
                    .title = title,
                    .kind = decode(document_kind_from_code(kind), "document kind", kind),
                    .period = period,
                    .decided_by = decided_by,
                    .decided_on = decided_on,
                    .position = position};
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

}  // namespace

Id SociTx::add_document(const Document& document) {
  return write("add_document", [&] {
    const std::string kind{to_code(document.kind)};
    return insert_returning_id(
        sql(),
        "INSERT INTO documents (title, kind, period, decided_by, decided_on, position) "
        "VALUES (:title, :kind, :period, :decided_by, :decided_on, :position) RETURNING id",
        soci::use(document.title), soci::use(kind), soci::use(document.period),
        soci::use(document.decided_by), soci::use(document.decided_on),
        soci::use(document.position));
  });
}

std::optional<Document> SociTx::document(Id id) {
  return read("document", [&] {
    return select_one<DocumentRow>(sql(), kSelectDocument + " WHERE id = :id", soci::use(id));
  });
}

std::optional<Document> SociTx::document_by_title(std::string_view title) {
  return read("document_by_title", [&] {
    const std::string wanted{title};
    // Titles may repeat across periods; the first one stored wins.
    return select_one<DocumentRow>(
        sql(), kSelectDocument + " WHERE title = :title ORDER BY id LIMIT 1", soci::use(wanted));
  });
}

std::vector<Document> SociTx::documents() {
  return read("documents", [&] {
    return select_all<DocumentRow>(sql(), kSelectDocument + " ORDER BY position, id");
  });
}

Id SociTx::add_node(const Node& node) {
  return write("add_node", [&] {
    NullableId parent(node.parent_id);
    const std::string kind{to_code(node.kind)};
    return insert_returning_id(
        sql(),
        "INSERT INTO nodes "
        "(document_id, parent_id, kind, number, title, text, expected_result, position) "
        "VALUES (:document_id, :parent_id, :kind, :number, :title, :text, :expected_result, "
        ":position) RETURNING id",
        soci::use(node.document_id), soci::use(parent.value, parent.indicator), soci::use(kind),
        soci::use(node.number), soci::use(node.title), soci::use(node.text),
        soci::use(node.expected_result), soci::use(node.position));
  });
}

std::optional<Node> SociTx::node(Id id) {
  return read("node", [&] {
    return select_one<NodeRow>(sql(), kSelectNode + " WHERE id = :id", soci::use(id));
  });
}

std::vector<Node> SociTx::nodes(Id document_id) {
  return read("nodes", [&] {
    // COALESCE puts the roots first in both SQLite and PostgreSQL, which disagree on where
    // NULL sorts; ids start at 1.
    return select_all<NodeRow>(
        sql(),
        kSelectNode +
            " WHERE document_id = :document_id ORDER BY COALESCE(parent_id, 0), position, id",
        soci::use(document_id));
  });
}

}  // namespace uppsikt::store
