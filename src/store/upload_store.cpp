// Files uploaded for import, kept between preview and save, as bytes (BLOB, BYTEA).
#include <boost/algorithm/hex.hpp>
#include <fmt/format.h>

#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct UploadRow {
  long long id = 0;
  std::string token_hash;
  long long user_id = 0;
  std::string file_name;
  std::string content_hex;
  std::string created_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(token_hash));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(content_hex));
    st.exchange(soci::into(created_at));
  }
  Upload value() const {
    return Upload{.id = static_cast<Id>(id),
                  .token_hash = token_hash,
                  .user_id = static_cast<Id>(user_id),
                  .file_name = file_name,
                  .bytes = boost::algorithm::unhex(content_hex),  // throws on what is not hex
                  .created_at = created_at};
  }
};

}  // namespace

Id SociTx::add_upload(const Upload& upload) {
  return write("add_upload", [&] {
    const std::string content = dialect_.bytes_bound_as_hex ? boost::algorithm::hex(upload.bytes) : upload.bytes;
    return insert_returning_id(
        db(),
        fmt::format("INSERT INTO import_uploads (token_hash, user_id, file_name, content, created_at) "
                    "VALUES (:token_hash, :user_id, :file_name, {}, :created_at) RETURNING id",
                    fmt::format(fmt::runtime(dialect_.bytes_from_param), ":content")),
        soci::use(upload.token_hash), soci::use(upload.user_id), soci::use(upload.file_name), soci::use(content),
        soci::use(upload.created_at));
  });
}

std::vector<Upload> SociTx::uploads(std::string_view token_hash, Id user_id) {
  return read("uploads", [&] {
    const std::string wanted{token_hash};
    return select_all<UploadRow>(
        db(),
        fmt::format("SELECT id, token_hash, user_id, file_name, {}, created_at FROM import_uploads "
                    "WHERE token_hash = :token_hash AND user_id = :user_id ORDER BY id",
                    fmt::format(fmt::runtime(dialect_.bytes_as_hex), "content")),
        soci::use(wanted), soci::use(user_id));
  });
}

void SociTx::delete_uploads_before(std::string_view created_before) {
  write("delete_uploads_before", [&] {
    const std::string before{created_before};
    sql() << "DELETE FROM import_uploads WHERE created_at < :before", soci::use(before);
  });
}

}  // namespace uppsikt::store
