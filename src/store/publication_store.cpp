// Published compiled reports: one row per round while its report is published, and every
// version ever published with its report as it stood.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct PublicationRow {
  long long round_id = 0;
  int with_comments = 0;
  std::string published_at;
  NullableId published_by;

  void bind(soci::statement& st) {
    st.exchange(soci::into(round_id));
    st.exchange(soci::into(with_comments));
    st.exchange(soci::into(published_at));
    st.exchange(soci::into(published_by.value, published_by.indicator));
  }
  Publication value() const {
    return {.round_id = static_cast<Id>(round_id), .with_comments = with_comments != 0,
            .published_at = published_at, .published_by = published_by.get()};
  }
};

struct VersionRow {
  long long round_id = 0;
  int version = 0;
  int with_comments = 0;
  std::string published_at;
  NullableId published_by;

  void bind(soci::statement& st) {
    st.exchange(soci::into(round_id));
    st.exchange(soci::into(version));
    st.exchange(soci::into(with_comments));
    st.exchange(soci::into(published_at));
    st.exchange(soci::into(published_by.value, published_by.indicator));
  }
  Publication value() const {
    return {.round_id = static_cast<Id>(round_id), .with_comments = with_comments != 0,
            .published_at = published_at, .published_by = published_by.get(), .version = version};
  }
};

struct TextRow {
  std::string text;
  void bind(soci::statement& st) { st.exchange(soci::into(text)); }
  std::string value() const { return text; }
};

constexpr const char* kColumns = "SELECT round_id, with_comments, published_at, published_by FROM report_publications";

}  // namespace

void SociTx::save_publication(const Publication& publication) {
  write("save_publication", [&] {
    const int with_comments = publication.with_comments ? 1 : 0;
    NullableId by(publication.published_by);
    sql() << "INSERT INTO report_publications (round_id, with_comments, published_at, published_by) "
             "VALUES (:round_id, :with_comments, :published_at, :published_by) "
             "ON CONFLICT (round_id) DO UPDATE SET with_comments = excluded.with_comments, "
             "published_at = excluded.published_at, published_by = excluded.published_by",
        soci::use(publication.round_id), soci::use(with_comments), soci::use(publication.published_at),
        soci::use(by.value, by.indicator);
  });
}

std::optional<Publication> SociTx::publication(Id round_id) {
  return read("publication", [&] {
    return select_one<PublicationRow>(db(), std::string(kColumns) + " WHERE round_id = :id", soci::use(round_id));
  });
}

std::vector<Publication> SociTx::publications() {
  return read("publications", [&] {
    return select_all<PublicationRow>(db(), std::string(kColumns) + " ORDER BY published_at DESC, round_id DESC");
  });
}

bool SociTx::delete_publication(Id round_id) {
  return write("delete_publication", [&] {
    return returning_id(db(), "DELETE FROM report_publications WHERE round_id = :id RETURNING round_id",
                        soci::use(round_id))
        .has_value();
  });
}

int SociTx::add_publication_version(const Publication& publication, const std::string& report_json) {
  return write("add_publication_version", [&] {
    const int with_comments = publication.with_comments ? 1 : 0;
    NullableId by(publication.published_by);
    int latest = 0;
    soci::indicator none = soci::i_ok;
    sql() << "SELECT MAX(version) FROM report_publication_versions WHERE round_id = :round_id",
        soci::into(latest, none), soci::use(publication.round_id);
    const int version = none == soci::i_null ? 1 : latest + 1;
    sql() << "INSERT INTO report_publication_versions "
             "(round_id, version, with_comments, published_at, published_by, report_json) "
             "VALUES (:round_id, :version, :with_comments, :published_at, :published_by, :report_json)",
        soci::use(publication.round_id), soci::use(version), soci::use(with_comments),
        soci::use(publication.published_at), soci::use(by.value, by.indicator), soci::use(report_json);
    return version;
  });
}

std::vector<Publication> SociTx::publication_versions(Id round_id) {
  return read("publication_versions", [&] {
    return select_all<VersionRow>(db(),
                                  "SELECT round_id, version, with_comments, published_at, published_by "
                                  "FROM report_publication_versions WHERE round_id = :id ORDER BY version",
                                  soci::use(round_id));
  });
}

std::optional<std::string> SociTx::publication_report(Id round_id, int version) {
  return read("publication_report", [&] {
    return select_one<TextRow>(db(),
                               "SELECT report_json FROM report_publication_versions "
                               "WHERE round_id = :id AND version = :version",
                               soci::use(round_id), soci::use(version));
  });
}

}  // namespace uppsikt::store
