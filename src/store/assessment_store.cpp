// The coordinator's assessments of a round's compiled report and the report's cover.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct AssessmentRow {
  std::string target;
  std::string text;
  void bind(soci::statement& st) {
    st.exchange(soci::into(target));
    st.exchange(soci::into(text));
  }
  std::pair<std::string, std::string> value() const { return {target, text}; }
};

struct CoverRow {
  std::string sender;
  std::string dated;
  std::string registration_number;
  void bind(soci::statement& st) {
    st.exchange(soci::into(sender));
    st.exchange(soci::into(dated));
    st.exchange(soci::into(registration_number));
  }
  ReportCover value() const { return {sender, dated, registration_number}; }
};

}  // namespace

std::map<std::string, std::string> SociTx::assessments(Id round_id) {
  return read("assessments", [&] {
    const auto rows = select_all<AssessmentRow>(
        db(), "SELECT target, text FROM report_assessments WHERE round_id = :id", soci::use(round_id));
    return std::map<std::string, std::string>(rows.begin(), rows.end());
  });
}

void SociTx::save_assessment(Id round_id, std::string_view target, std::string_view text, std::string_view changed_at,
                             std::optional<Id> changed_by) {
  write("save_assessment", [&] {
    const std::string what{target}, body{text}, at{changed_at};
    NullableId by(changed_by);
    if (body.empty()) {
      sql() << "DELETE FROM report_assessments WHERE round_id = :id AND target = :target", soci::use(round_id),
          soci::use(what);
      return;
    }
    sql() << "INSERT INTO report_assessments (round_id, target, text, changed_at, changed_by) "
             "VALUES (:round_id, :target, :text, :changed_at, :changed_by) "
             "ON CONFLICT (round_id, target) DO UPDATE SET text = excluded.text, "
             "changed_at = excluded.changed_at, changed_by = excluded.changed_by",
        soci::use(round_id), soci::use(what), soci::use(body), soci::use(at), soci::use(by.value, by.indicator);
  });
}

std::optional<ReportCover> SociTx::report_cover(Id round_id) {
  return read("report_cover", [&] {
    return select_one<CoverRow>(db(),
                                "SELECT sender, dated, registration_number FROM report_covers WHERE round_id = :id",
                                soci::use(round_id));
  });
}

void SociTx::save_report_cover(Id round_id, const ReportCover& cover, std::string_view changed_at,
                               std::optional<Id> changed_by) {
  write("save_report_cover", [&] {
    const std::string at{changed_at};
    NullableId by(changed_by);
    sql() << "INSERT INTO report_covers (round_id, sender, dated, registration_number, changed_at, changed_by) "
             "VALUES (:round_id, :sender, :dated, :registration_number, :changed_at, :changed_by) "
             "ON CONFLICT (round_id) DO UPDATE SET sender = excluded.sender, dated = excluded.dated, "
             "registration_number = excluded.registration_number, changed_at = excluded.changed_at, "
             "changed_by = excluded.changed_by",
        soci::use(round_id), soci::use(cover.sender), soci::use(cover.date), soci::use(cover.registration_number),
        soci::use(at), soci::use(by.value, by.indicator);
  });
}

}  // namespace uppsikt::store
