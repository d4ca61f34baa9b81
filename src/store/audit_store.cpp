// The append-only audit trail: rows are added and read, never changed.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct AuditRow {
  long long id = 0;
  std::string at;
  NullableId user_id;
  NullableId unit_id;
  std::string action;
  std::string entity;
  NullableId entity_id;
  std::string before_json;
  std::string after_json;
  std::string remote_address;
  std::string token_name;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(at));
    st.exchange(soci::into(user_id.value, user_id.indicator));
    st.exchange(soci::into(unit_id.value, unit_id.indicator));
    st.exchange(soci::into(action));
    st.exchange(soci::into(entity));
    st.exchange(soci::into(entity_id.value, entity_id.indicator));
    st.exchange(soci::into(before_json));
    st.exchange(soci::into(after_json));
    st.exchange(soci::into(remote_address));
    st.exchange(soci::into(token_name));
  }
  AuditEntry value() const {
    return AuditEntry{.id = id,
                      .at = at,
                      .user_id = user_id.get(),
                      .unit_id = unit_id.get(),
                      .action = action,
                      .entity = entity,
                      .entity_id = entity_id.get(),
                      .before_json = before_json,
                      .after_json = after_json,
                      .remote_address = remote_address,
                      .token_name = token_name};
  }
};

}  // namespace

Id SociTx::add_audit(const AuditEntry& entry) {
  return write("add_audit", [&] {
    NullableId user(entry.user_id);
    NullableId unit(entry.unit_id);
    NullableId entity_id(entry.entity_id);
    return insert_returning_id(
        db(),
        "INSERT INTO audit (at, user_id, unit_id, action, entity, entity_id, before_json, "
        "after_json, remote_address, token_name) VALUES (:at, :user_id, :unit_id, :action, :entity, "
        ":entity_id, :before_json, :after_json, :remote_address, :token_name) RETURNING id",
        soci::use(entry.at), soci::use(user.value, user.indicator),
        soci::use(unit.value, unit.indicator), soci::use(entry.action), soci::use(entry.entity),
        soci::use(entity_id.value, entity_id.indicator), soci::use(entry.before_json),
        soci::use(entry.after_json), soci::use(entry.remote_address), soci::use(entry.token_name));
  });
}

namespace {

// "unit_id IN (3, 7) OR unit_id IS NULL" for the filter's units; the ids are numbers written
// into the text (a subtree may hold thousands, more than a statement binds).
std::string units_condition(const std::vector<Id>& ids, bool with_no_unit) {
  std::string in;
  for (Id id : ids) in += (in.empty() ? "" : ", ") + std::to_string(id);
  std::string condition = in.empty() ? "" : "unit_id IN (" + in + ")";
  if (with_no_unit) condition += (condition.empty() ? "" : " OR ") + std::string{"unit_id IS NULL"};
  return condition.empty() ? "1 = 0" : "(" + condition + ")";
}

}  // namespace

std::vector<AuditEntry> SociTx::audit_entries(const AuditFilter& filter) {
  return read("audit_entries", [&] {
    // Only the filters in use become conditions; each binds its parameters, in this order.
    std::string where;
    auto add = [&where](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
    if (filter.user_id) add("user_id = :user_id");
    if (filter.unit_id) add("unit_id = :unit_id");
    if (filter.unit_ids) add(units_condition(*filter.unit_ids, filter.with_no_unit));
    if (!filter.from.empty()) add("at >= :from_at");
    if (!filter.to.empty()) add("at <= :to_at");
    const bool paged = !filter.before_at.empty();
    if (paged) add("(at < :before_at OR (at = :same_at AND id < :before_id))");
    const std::string query =
        "SELECT id, at, user_id, unit_id, action, entity, entity_id, before_json, after_json, "
        "remote_address, token_name FROM audit" + where + fmt::format(" ORDER BY at DESC, id DESC LIMIT {}", filter.limit);

    AuditRow row;
    soci::statement st(sql());
    row.bind(st);
    long long user_id = filter.user_id.value_or(0);
    long long unit_id = filter.unit_id.value_or(0);
    long long before_id = filter.before_id;
    if (filter.user_id) st.exchange(soci::use(user_id));
    if (filter.unit_id) st.exchange(soci::use(unit_id));
    if (!filter.from.empty()) st.exchange(soci::use(filter.from));
    if (!filter.to.empty()) st.exchange(soci::use(filter.to));
    if (paged) {
      st.exchange(soci::use(filter.before_at));
      st.exchange(soci::use(filter.before_at));
      st.exchange(soci::use(before_id));
    }
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
    st.execute();
    std::vector<AuditEntry> entries;
    while (st.fetch()) entries.push_back(row.value());
    return entries;
  });
}

}  // namespace uppsikt::store
