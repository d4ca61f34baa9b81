// People who sign in, and the roles they hold on the unit tree.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectUser =
    "SELECT id, email, name, password_hash, created_at, disabled FROM users";

struct UserRow {
  long long id = 0;
  std::string email;
  std::string name;
  std::string password_hash;
  std::string created_at;
  int disabled = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(email));
    st.exchange(soci::into(name));
    st.exchange(soci::into(password_hash));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(disabled));
  }
  User value() const {
    return User{.id = id,
                .email = email,
                .name = name,
                .password_hash = password_hash,
                .created_at = created_at,
                .disabled = disabled != 0};
  }
};

struct GrantRow {
  long long user_id = 0;
  std::string role;
  long long unit_id = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(role));
    st.exchange(soci::into(unit_id));
  }
  Grant value() const {
    return Grant{.user_id = user_id, .role = decode(role_from_code(role), "role", role), .unit_id = unit_id};
  }
};

const std::string kSelectGrant = "SELECT user_id, role, unit_id FROM grants";

}  // namespace

Id SociTx::add_user(const User& user) {
  return write("add_user", [&] {
    const int disabled = user.disabled ? 1 : 0;
    return insert_returning_id(
        db(),
        "INSERT INTO users (email, name, password_hash, created_at, disabled) "
        "VALUES (:email, :name, :password_hash, :created_at, :disabled) RETURNING id",
        soci::use(user.email), soci::use(user.name), soci::use(user.password_hash),
        soci::use(user.created_at), soci::use(disabled));
  });
}

std::optional<User> SociTx::user(Id id) {
  return read("user", [&] {
    return select_one<UserRow>(db(), kSelectUser + " WHERE id = :id", soci::use(id));
  });
}

std::optional<User> SociTx::user_by_email(std::string_view email) {
  return read("user_by_email", [&] {
    const std::string wanted{email};
    return select_one<UserRow>(db(), kSelectUser + " WHERE email = :email", soci::use(wanted));
  });
}

std::vector<User> SociTx::users() {
  return read("users", [&] { return select_all<UserRow>(db(), kSelectUser + " ORDER BY email, id"); });
}

void SociTx::update_user_password(Id user_id, std::string_view password_hash) {
  write("update_user_password", [&] {
    const std::string hash{password_hash};
    if (!returning_id(db(), "UPDATE users SET password_hash = :hash WHERE id = :id RETURNING id",
                      soci::use(hash), soci::use(user_id)))
      throw store_error("update_user_password", fmt::format("no user {}", user_id));
  });
}

void SociTx::update_user_disabled(Id user_id, bool disabled) {
  write("update_user_disabled", [&] {
    const int flag = disabled ? 1 : 0;
    if (!returning_id(db(), "UPDATE users SET disabled = :disabled WHERE id = :id RETURNING id",
                      soci::use(flag), soci::use(user_id)))
      throw store_error("update_user_disabled", fmt::format("no user {}", user_id));
  });
}

void SociTx::add_grant(const Grant& grant) {
  write("add_grant", [&] {
    const std::string role{to_code(grant.role)};
    // A hand's grant of what the rules gave makes it the hand's: it stays whatever they say.
    sql() << "INSERT INTO grants (user_id, role, unit_id, source) VALUES (:user_id, :role, :unit_id, 'hand') "
             "ON CONFLICT (user_id, role, unit_id) DO UPDATE SET source = 'hand'",
        soci::use(grant.user_id), soci::use(role), soci::use(grant.unit_id);
  });
}

std::vector<Grant> SociTx::grants(Id user_id) {
  return read("grants", [&] {
    return select_all<GrantRow>(db(), kSelectGrant + " WHERE user_id = :user_id ORDER BY role, unit_id",
                                soci::use(user_id));
  });
}

bool SociTx::remove_grant(const Grant& grant) {
  return write("remove_grant", [&] {
    const std::string role{to_code(grant.role)};
    return returning_id(db(),
                        "DELETE FROM grants WHERE user_id = :user_id AND role = :role AND unit_id = :unit_id "
                        "RETURNING user_id",
                        soci::use(grant.user_id), soci::use(role), soci::use(grant.unit_id))
        .has_value();
  });
}

std::vector<Grant> SociTx::grants_with_role(Role role) {
  return read("grants_with_role", [&] {
    const std::string code{to_code(role)};
    return select_all<GrantRow>(db(), kSelectGrant + " WHERE role = :role ORDER BY user_id, unit_id",
                                soci::use(code));
  });
}

}  // namespace uppsikt::store
