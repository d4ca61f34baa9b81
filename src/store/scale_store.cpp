// Scales (svarsalternativ); their options live in scale_options, one row per option.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct ScaleRow {
  long long id = 0;
  std::string name;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
  }
  Scale value() const { return Scale{.id = id, .name = name, .options = {}}; }
};

struct OptionRow {
  std::string label;

  void bind(soci::statement& st) { st.exchange(soci::into(label)); }
  std::string value() const { return label; }
};

// `scale` with its options filled in, in the order shown.
std::optional<Scale> with_options(Connection db, std::optional<Scale> scale) {
  if (!scale) return scale;
  scale->options = select_all<OptionRow>(
      db, "SELECT label FROM scale_options WHERE scale_id = :scale_id ORDER BY position",
      soci::use(scale->id));
  return scale;
}

}  // namespace

Id SociTx::add_scale(const Scale& scale) {
  return write("add_scale", [&] {
    const Id id = insert_returning_id(
        db(), "INSERT INTO scales (name) VALUES (:name) RETURNING id", soci::use(scale.name));
    int position = 0;
    std::string label;
    soci::statement insert_option =
        (sql().prepare << "INSERT INTO scale_options (scale_id, position, label) "
                          "VALUES (:scale_id, :position, :label)",
         soci::use(id), soci::use(position), soci::use(label));
    for (const auto& option : scale.options) {
      label = option;
      insert_option.execute(true);
      ++position;
    }
    return id;
  });
}

std::optional<Scale> SociTx::scale(Id id) {
  return read("scale", [&] {
    return with_options(
        db(), select_one<ScaleRow>(db(), "SELECT id, name FROM scales WHERE id = :id",
                                    soci::use(id)));
  });
}

std::optional<Scale> SociTx::scale_by_name(std::string_view name) {
  return read("scale_by_name", [&] {
    const std::string wanted{name};
    return with_options(
        db(), select_one<ScaleRow>(db(), "SELECT id, name FROM scales WHERE name = :name",
                                    soci::use(wanted)));
  });
}

std::vector<Scale> SociTx::scales() {
  return read("scales", [&] {
    std::vector<Scale> out;
    for (auto& row : select_all<ScaleRow>(db(), "SELECT id, name FROM scales ORDER BY id"))
      out.push_back(*with_options(db(), std::move(row)));
    return out;
  });
}

}  // namespace uppsikt::store
