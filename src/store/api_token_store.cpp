// API tokens: found by the hash of their token, listed for their owner (personal ones) or all
// together (service ones), revoked, never deleted (the audit trail names them).
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const char* const kColumns =
    "SELECT id, user_id, name, token_hash, can_write, created_at, expires_at, revoked_at, last_used_at, "
    "service_unit_id, service_role FROM api_tokens ";

struct ApiTokenRow {
  long long id = 0;
  long long user_id = 0;
  std::string name;
  std::string token_hash;
  int can_write = 0;
  std::string created_at;
  std::string expires_at;
  std::string revoked_at;
  std::string last_used_at;
  NullableId service_unit_id;
  std::string service_role;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(token_hash));
    st.exchange(soci::into(can_write));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(expires_at));
    st.exchange(soci::into(revoked_at));
    st.exchange(soci::into(last_used_at));
    st.exchange(soci::into(service_unit_id.value, service_unit_id.indicator));
    st.exchange(soci::into(service_role));
  }
  ApiToken value() const {
    return ApiToken{.id = id,
                    .user_id = user_id,
                    .name = name,
                    .token_hash = token_hash,
                    .can_write = can_write != 0,
                    .created_at = created_at,
                    .expires_at = expires_at,
                    .revoked_at = revoked_at,
                    .last_used_at = last_used_at,
                    .service_unit_id = service_unit_id.get().value_or(0),
                    .service_role = service_role.empty() ? Role::reader
                                                         : decode(role_from_code(service_role), "api_tokens", service_role)};
  }
};

}  // namespace

Id SociTx::add_api_token(const ApiToken& token) {
  return write("add_api_token", [&] {
    const int can_write = token.can_write ? 1 : 0;
    NullableId unit(token.is_service() ? std::optional<Id>(token.service_unit_id) : std::nullopt);
    const std::string role = token.is_service() ? std::string(to_code(token.service_role)) : "";
    return insert_returning_id(
        db(),
        "INSERT INTO api_tokens (user_id, name, token_hash, can_write, created_at, expires_at, service_unit_id, "
        "service_role) VALUES (:user_id, :name, :token_hash, :can_write, :created_at, :expires_at, :unit, :role) "
        "RETURNING id",
        soci::use(token.user_id), soci::use(token.name), soci::use(token.token_hash), soci::use(can_write),
        soci::use(token.created_at), soci::use(token.expires_at), soci::use(unit.value, unit.indicator),
        soci::use(role));
  });
}

std::optional<ApiToken> SociTx::api_token(Id id) {
  return read("api_token", [&] {
    return select_one<ApiTokenRow>(db(), std::string(kColumns) + "WHERE id = :id", soci::use(id));
  });
}

std::optional<ApiToken> SociTx::api_token_by_hash(std::string_view token_hash) {
  return read("api_token_by_hash", [&] {
    const std::string wanted{token_hash};
    return select_one<ApiTokenRow>(db(), std::string(kColumns) + "WHERE token_hash = :token_hash",
                                   soci::use(wanted));
  });
}

std::vector<ApiToken> SociTx::api_tokens_of(Id user_id) {
  return read("api_tokens_of", [&] {
    return select_all<ApiTokenRow>(db(), std::string(kColumns) +
                                       "WHERE user_id = :user_id AND service_unit_id IS NULL ORDER BY id DESC",
                                   soci::use(user_id));
  });
}

std::vector<ApiToken> SociTx::service_api_tokens() {
  return read("service_api_tokens", [&] {
    return select_all<ApiTokenRow>(db(), std::string(kColumns) + "WHERE service_unit_id IS NOT NULL ORDER BY id DESC");
  });
}

bool SociTx::revoke_api_token(Id id, std::string_view revoked_at) {
  return write("revoke_api_token", [&] {
    const std::string at{revoked_at};
    return returning_id(db(),
                        "UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at = '' RETURNING id",
                        soci::use(at), soci::use(id))
        .has_value();
  });
}

void SociTx::touch_api_token(Id id, std::string_view last_used_at) {
  write("touch_api_token", [&] {
    const std::string at{last_used_at};
    run(db(), "UPDATE api_tokens SET last_used_at = :at WHERE id = :id", soci::use(at), soci::use(id));
  });
}

}  // namespace uppsikt::store
