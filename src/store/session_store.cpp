// Signed-in sessions and sign-in attempts. Times are ISO 8601 UTC text of one fixed width,
// so that comparing them as text compares them as times.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct SessionRow {
  std::string token_hash;
  long long user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string provider;

  void bind(soci::statement& st) {
    st.exchange(soci::into(token_hash));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(csrf_token));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(last_seen_at));
    st.exchange(soci::into(provider));
  }
  Session value() const {
    return Session{.token_hash = token_hash,
                   .user_id = user_id,
                   .csrf_token = csrf_token,
                   .created_at = created_at,
                   .last_seen_at = last_seen_at,
                   .provider = provider};
  }
};

struct FailuresRow {
  long long count = 0;  // COUNT(*) is BIGINT in PostgreSQL
  std::string latest;
  soci::indicator latest_indicator = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(count));
    st.exchange(soci::into(latest, latest_indicator));
  }
  Tx::Failures value() const {
    return Tx::Failures{.count = static_cast<int>(count),
                        .latest = latest_indicator == soci::i_ok ? latest : std::string{}};
  }
};

}  // namespace

void SociTx::add_session(const Session& session) {
  write("add_session", [&] {
    sql() << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, provider) "
             "VALUES (:token_hash, :user_id, :csrf_token, :created_at, :last_seen_at, :provider)",
        soci::use(session.token_hash), soci::use(session.user_id), soci::use(session.csrf_token),
        soci::use(session.created_at), soci::use(session.last_seen_at), soci::use(session.provider);
  });
}

std::optional<Session> SociTx::session(std::string_view token_hash) {
  return read("session", [&] {
    const std::string wanted{token_hash};
    return select_one<SessionRow>(
        db(),
        "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, provider FROM sessions "
        "WHERE token_hash = :token_hash",
        soci::use(wanted));
  });
}

void SociTx::touch_session(std::string_view token_hash, std::string_view last_seen_at) {
  write("touch_session", [&] {
    const std::string hash{token_hash};
    const std::string at{last_seen_at};
    sql() << "UPDATE sessions SET last_seen_at = :at WHERE token_hash = :token_hash", soci::use(at),
        soci::use(hash);
  });
}

void SociTx::delete_session(std::string_view token_hash) {
  write("delete_session", [&] {
    const std::string hash{token_hash};
    sql() << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(hash);
  });
}

void SociTx::set_provider_session(std::string_view token_hash, std::string_view data) {
  write("set_provider_session", [&] {
    const std::string hash{token_hash};
    const std::string text{data};
    sql() << "UPDATE sessions SET provider_session = :data WHERE token_hash = :token_hash", soci::use(text),
        soci::use(hash);
  });
}

std::string SociTx::provider_session(std::string_view token_hash) {
  struct Row {
    std::string data;
    void bind(soci::statement& st) { st.exchange(soci::into(data)); }
    std::string value() const { return data; }
  };
  return read("provider_session", [&] {
    const std::string hash{token_hash};
    return select_one<Row>(db(), "SELECT provider_session FROM sessions WHERE token_hash = :token_hash",
                           soci::use(hash))
        .value_or("");
  });
}

void SociTx::delete_sessions_of(Id user_id) {
  write("delete_sessions_of",
        [&] { sql() << "DELETE FROM sessions WHERE user_id = :user_id", soci::use(user_id); });
}

void SociTx::delete_expired_sessions(std::string_view idle_since, std::string_view created_since) {
  write("delete_expired_sessions", [&] {
    const std::string idle{idle_since};
    const std::string created{created_since};
    sql() << "DELETE FROM sessions WHERE last_seen_at < :idle OR created_at < :created",
        soci::use(idle), soci::use(created);
  });
}

void SociTx::add_login_attempt(const LoginAttempt& attempt) {
  write("add_login_attempt", [&] {
    const int succeeded = attempt.succeeded ? 1 : 0;
    sql() << "INSERT INTO login_attempts (at, email, remote_address, succeeded) "
             "VALUES (:at, :email, :remote_address, :succeeded)",
        soci::use(attempt.at), soci::use(attempt.email), soci::use(attempt.remote_address),
        soci::use(succeeded);
  });
}

Tx::Failures SociTx::failed_logins_by_email(std::string_view email, std::string_view since) {
  return read("failed_logins_by_email", [&] {
    const std::string wanted{email};
    const std::string from{since};
    return *select_one<FailuresRow>(
        db(),
        "SELECT COUNT(*), MAX(at) FROM login_attempts WHERE email = :email AND succeeded = 0 "
        "AND at >= :since AND id > COALESCE((SELECT MAX(id) FROM login_attempts "
        "WHERE email = :email_again AND succeeded = 1), 0)",
        soci::use(wanted), soci::use(from), soci::use(wanted));
  });
}

Tx::Failures SociTx::failed_logins_by_email_from(std::string_view email, std::string_view remote_address,
                                                 std::string_view since) {
  return read("failed_logins_by_email_from", [&] {
    const std::string wanted{email};
    const std::string address{remote_address};
    const std::string from{since};
    return *select_one<FailuresRow>(
        db(),
        "SELECT COUNT(*), MAX(at) FROM login_attempts WHERE email = :email AND remote_address = :address "
        "AND succeeded = 0 AND at >= :since AND id > COALESCE((SELECT MAX(id) FROM login_attempts "
        "WHERE email = :email_again AND succeeded = 1), 0)",
        soci::use(wanted), soci::use(address), soci::use(from), soci::use(wanted));
  });
}

Tx::Failures SociTx::failed_logins_by_address(std::string_view remote_address, std::string_view since) {
  return read("failed_logins_by_address", [&] {
    const std::string wanted{remote_address};
    const std::string from{since};
    return *select_one<FailuresRow>(
        db(),
        "SELECT COUNT(*), MAX(at) FROM login_attempts WHERE remote_address = :address "
        "AND succeeded = 0 AND at >= :since",
        soci::use(wanted), soci::use(from));
  });
}

}  // namespace uppsikt::store
