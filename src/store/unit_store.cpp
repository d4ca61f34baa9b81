// Units: the organisation tree that answers rounds.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectUnit = "SELECT id, parent_id, name, kind, closed FROM units";

struct UnitRow {
  long long id = 0;
  NullableId parent_id;
  std::string name;
  std::string kind;
  int closed = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(parent_id.value, parent_id.indicator));
    st.exchange(soci::into(name));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(closed));
  }
  Unit value() const {
    return Unit{.id = id,
                .parent_id = parent_id.get(),
                .name = name,
                .kind = decode(unit_kind_from_code(kind), "unit kind", kind),
                .closed = closed != 0};
  }
};

}  // namespace

Id SociTx::add_unit(const Unit& unit) {
  return write("add_unit", [&] {
    NullableId parent(unit.parent_id);
    const std::string kind{to_code(unit.kind)};
    const int closed = unit.closed ? 1 : 0;
    return insert_returning_id(
        db(),
        "INSERT INTO units (parent_id, name, kind, closed) "
        "VALUES (:parent_id, :name, :kind, :closed) RETURNING id",
        soci::use(parent.value, parent.indicator), soci::use(unit.name), soci::use(kind),
        soci::use(closed));
  });
}

std::optional<Unit> SociTx::unit(Id id) {
  return read("unit", [&] {
    return select_one<UnitRow>(db(), kSelectUnit + " WHERE id = :id", soci::use(id));
  });
}

std::optional<Unit> SociTx::unit_by_name(std::string_view name) {
  return read("unit_by_name", [&] {
    const std::string wanted{name};
    return select_one<UnitRow>(db(), kSelectUnit + " WHERE name = :name", soci::use(wanted));
  });
}

std::vector<Unit> SociTx::units() {
  // Byte order; services sort by Swedish rules (core/collate.h) where people read the list.
  return read("units",
              [&] { return select_all<UnitRow>(db(), kSelectUnit + " ORDER BY name, id"); });
}

std::vector<Unit> SociTx::unit_path(Id id) {
  // UNION (not UNION ALL) drops a row met twice, so a cycle in the parents ends the walk.
  return read("unit_path", [&] {
    return select_all<UnitRow>(db(),
                               "WITH RECURSIVE path (id) AS ("
                               " SELECT id FROM units WHERE id = :id"
                               " UNION SELECT u.parent_id FROM units u JOIN path p ON u.id = p.id"
                               " WHERE u.parent_id IS NOT NULL)"
                               " SELECT id, parent_id, name, kind, closed FROM units WHERE id IN (SELECT id FROM path)",
                               soci::use(id));
  });
}

void SociTx::update_unit(const Unit& unit) {
  write("update_unit", [&] {
    NullableId parent(unit.parent_id);
    const std::string kind{to_code(unit.kind)};
    const int closed = unit.closed ? 1 : 0;
    if (!returning_id(db(),
                      "UPDATE units SET parent_id = :parent_id, name = :name, kind = :kind, closed = :closed "
                      "WHERE id = :id RETURNING id",
                      soci::use(parent.value, parent.indicator), soci::use(unit.name), soci::use(kind),
                      soci::use(closed), soci::use(unit.id)))
      throw store_error("update_unit", fmt::format("no unit {}", unit.id));
  });
}

}  // namespace uppsikt::store
