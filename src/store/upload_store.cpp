// Files uploaded for import, kept between preview and save. The bytes are stored as base64
// text: PostgreSQL's TEXT takes no NUL byte, and one column type serves both backends.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string to_base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string from_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned n = 0;
  int bits = 0;
  for (char c : text) {
    const auto at = kAlphabet.find(c);
    if (at == std::string_view::npos) continue;  // '=' padding
    n = (n << 6) | static_cast<unsigned>(at);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((n >> bits) & 0xFF);
    }
  }
  return out;
}

struct UploadRow {
  long long id = 0;
  std::string token_hash;
  long long user_id = 0;
  std::string file_name;
  std::string content_base64;
  std::string created_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(token_hash));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(content_base64));
    st.exchange(soci::into(created_at));
  }
  Upload value() const {
    return Upload{.id = static_cast<Id>(id),
                  .token_hash = token_hash,
                  .user_id = static_cast<Id>(user_id),
                  .file_name = file_name,
                  .bytes = from_base64(content_base64),
                  .created_at = created_at};
  }
};

}  // namespace

Id SociTx::add_upload(const Upload& upload) {
  return write("add_upload", [&] {
    const std::string content = to_base64(upload.bytes);
    return insert_returning_id(
        db(),
        "INSERT INTO import_uploads (token_hash, user_id, file_name, content_base64, created_at) "
        "VALUES (:token_hash, :user_id, :file_name, :content, :created_at) RETURNING id",
        soci::use(upload.token_hash), soci::use(upload.user_id), soci::use(upload.file_name), soci::use(content),
        soci::use(upload.created_at));
  });
}

std::vector<Upload> SociTx::uploads(std::string_view token_hash, Id user_id) {
  return read("uploads", [&] {
    const std::string wanted{token_hash};
    return select_all<UploadRow>(
        db(),
        "SELECT id, token_hash, user_id, file_name, content_base64, created_at FROM import_uploads "
        "WHERE token_hash = :token_hash AND user_id = :user_id ORDER BY id",
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
