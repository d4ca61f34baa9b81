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

}  // namespace uppsikt::store
