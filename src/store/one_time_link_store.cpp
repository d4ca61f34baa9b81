// One-time links: invitations and password resets, found by the hash of their token.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

std::string_view to_code(LinkPurpose purpose) { return purpose == LinkPurpose::invitation ? "invitation" : "reset"; }

std::optional<LinkPurpose> purpose_from_code(std::string_view code) {
  if (code == "invitation") return LinkPurpose::invitation;
  if (code == "reset") return LinkPurpose::reset;
  return std::nullopt;
}

struct LinkRow {
  std::string token_hash;
  long long user_id = 0;
  std::string purpose;
  std::string created_at;
  std::string expires_at;
  std::string used_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(token_hash));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(purpose));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(expires_at));
    st.exchange(soci::into(used_at));
  }
  OneTimeLink value() const {
    return OneTimeLink{.token_hash = token_hash,
                       .user_id = user_id,
                       .purpose = decode(purpose_from_code(purpose), "link purpose", purpose),
                       .created_at = created_at,
                       .expires_at = expires_at,
                       .used_at = used_at};
  }
};

}  // namespace

void SociTx::add_one_time_link(const OneTimeLink& link) {
  write("add_one_time_link", [&] {
    const std::string purpose{to_code(link.purpose)};
    sql() << "INSERT INTO one_time_links (token_hash, user_id, purpose, created_at, expires_at, used_at) "
             "VALUES (:token_hash, :user_id, :purpose, :created_at, :expires_at, :used_at)",
        soci::use(link.token_hash), soci::use(link.user_id), soci::use(purpose), soci::use(link.created_at),
        soci::use(link.expires_at), soci::use(link.used_at);
  });
}

std::optional<OneTimeLink> SociTx::one_time_link(std::string_view token_hash) {
  return read("one_time_link", [&] {
    const std::string wanted{token_hash};
    return select_one<LinkRow>(db(),
                               "SELECT token_hash, user_id, purpose, created_at, expires_at, used_at "
                               "FROM one_time_links WHERE token_hash = :token_hash",
                               soci::use(wanted));
  });
}

bool SociTx::use_one_time_link(std::string_view token_hash, std::string_view used_at) {
  return write("use_one_time_link", [&] {
    const std::string hash{token_hash};
    const std::string at{used_at};
    // The condition on used_at makes a second use of the same link change nothing.
    return returning_id(db(),
                        "UPDATE one_time_links SET used_at = :used_at "
                        "WHERE token_hash = :token_hash AND used_at = '' RETURNING user_id",
                        soci::use(at), soci::use(hash))
        .has_value();
  });
}

}  // namespace uppsikt::store
