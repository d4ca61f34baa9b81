// People's choices of optional mail.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct CodeRow {
  std::string code;
  void bind(soci::statement& st) { st.exchange(soci::into(code)); }
  std::string value() const { return code; }
};

}  // namespace

DigestFrequency SociTx::digest_frequency(Id user_id) {
  return read("digest_frequency", [&] {
    auto code = select_one<CodeRow>(db(), "SELECT digest FROM mail_preferences WHERE user_id = :user_id",
                                    soci::use(user_id));
    if (!code) return DigestFrequency::off;
    return decode(digest_frequency_from_code(*code), "digest frequency", *code);
  });
}

void SociTx::save_digest_frequency(Id user_id, DigestFrequency frequency, std::string_view changed_at) {
  write("save_digest_frequency", [&] {
    const std::string code{to_code(frequency)}, at{changed_at};
    run(db(),
        "INSERT INTO mail_preferences (user_id, digest, changed_at) VALUES (:user_id, :digest, :changed_at) "
        "ON CONFLICT (user_id) DO UPDATE SET digest = excluded.digest, changed_at = excluded.changed_at",
        soci::use(user_id), soci::use(code), soci::use(at));
  });
}

std::vector<DigestChoice> SociTx::digest_choices() {
  struct ChoiceRow {
    long long user_id = 0;
    std::string code, changed_at;
    void bind(soci::statement& st) {
      st.exchange(soci::into(user_id));
      st.exchange(soci::into(code));
      st.exchange(soci::into(changed_at));
    }
    DigestChoice value() const {
      return {static_cast<Id>(user_id), decode(digest_frequency_from_code(code), "digest frequency", code),
              changed_at};
    }
  };
  return read("digest_choices", [&] {
    return select_all<ChoiceRow>(
        db(), "SELECT user_id, digest, changed_at FROM mail_preferences WHERE digest <> 'off' ORDER BY user_id");
  });
}

bool SociTx::add_digest_send(Id user_id, std::string_view period, std::string_view queued_at) {
  return write("add_digest_send", [&] {
    const std::string on{period}, at{queued_at};
    // As reminder_sends: the primary key makes a second insert of the same period do nothing.
    return returning_id(db(),
                        "INSERT INTO digest_sends (user_id, period, queued_at) VALUES (:user_id, :period, "
                        ":queued_at) ON CONFLICT (user_id, period) DO NOTHING RETURNING user_id",
                        soci::use(user_id), soci::use(on), soci::use(at))
        .has_value();
  });
}

std::optional<std::string> SociTx::last_digest_at(Id user_id) {
  return read("last_digest_at", [&] {
    struct AtRow {
      std::string at;
      soci::indicator indicator = soci::i_null;
      void bind(soci::statement& st) { st.exchange(soci::into(at, indicator)); }
      std::optional<std::string> value() const {
        return indicator == soci::i_ok ? std::optional<std::string>(at) : std::nullopt;
      }
    };
    auto row = select_one<AtRow>(db(), "SELECT MAX(queued_at) FROM digest_sends WHERE user_id = :user_id",
                                 soci::use(user_id));
    return row ? *row : std::nullopt;
  });
}

}  // namespace uppsikt::store
