// A response's history: its events (hand-in, send-back, approval, return, reopening) and the
// answers as they were handed in under each edition. Both are only added to and read.
#include "store/answer_row_impl.h"
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct EventRow {
  long long id = 0;
  long long response_id = 0;
  std::string kind;
  int edition = 0;
  NullableId user_id;
  std::string user_name;
  soci::indicator user_name_indicator = soci::i_null;
  std::string at;
  std::string message;
  int late = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(response_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(edition));
    st.exchange(soci::into(user_id.value, user_id.indicator));
    st.exchange(soci::into(user_name, user_name_indicator));
    st.exchange(soci::into(at));
    st.exchange(soci::into(message));
    st.exchange(soci::into(late));
  }
  ResponseEvent value() const {
    return ResponseEvent{
        .id = id,
        .response_id = response_id,
        .kind = decode(response_event_kind_from_code(kind), "response event kind", kind),
        .edition = edition,
        .user_id = user_id.get(),
        .user_name = user_name_indicator == soci::i_ok ? user_name : std::string{},
        .at = at,
        .message = message,
        .late = late != 0};
  }
};

}  // namespace

Id SociTx::add_response_event(const ResponseEvent& event) {
  return write("add_response_event", [&] {
    const std::string kind{to_code(event.kind)};
    NullableId user(event.user_id);
    const int late = event.late ? 1 : 0;
    return insert_returning_id(
        db(),
        "INSERT INTO response_events (response_id, kind, edition, user_id, at, message, late) "
        "VALUES (:response_id, :kind, :edition, :user_id, :at, :message, :late) RETURNING id",
        soci::use(event.response_id), soci::use(kind), soci::use(event.edition),
        soci::use(user.value, user.indicator), soci::use(event.at), soci::use(event.message),
        soci::use(late));
  });
}

std::vector<ResponseEvent> SociTx::response_events(Id response_id) {
  return read("response_events", [&] {
    return select_all<EventRow>(
        db(),
        "SELECT e.id, e.response_id, e.kind, e.edition, e.user_id, u.name, e.at, e.message, "
        "e.late FROM response_events e LEFT JOIN users u ON u.id = e.user_id "
        "WHERE e.response_id = :response_id ORDER BY e.id",
        soci::use(response_id));
  });
}

std::vector<ResponseEvent> SociTx::round_events_between(Id round_id, std::string_view after,
                                                        std::string_view until) {
  return read("round_events_between", [&] {
    const std::string from{after}, to{until};
    return select_all<EventRow>(
        db(),
        "SELECT e.id, e.response_id, e.kind, e.edition, e.user_id, '', e.at, '', e.late "
        "FROM response_events e JOIN responses r ON r.id = e.response_id "
        "WHERE r.round_id = :round_id AND e.at > :after AND e.at <= :until ORDER BY e.at, e.id",
        soci::use(round_id), soci::use(from), soci::use(to));
  });
}

void SociTx::keep_handed_in_answers(Id response_id, int edition) {
  write("keep_handed_in_answers", [&] {
    sql() << "INSERT INTO handed_in_answers (response_id, edition, question_id, choice, comment, "
             "version, changed_by, changed_at) SELECT response_id, :edition, question_id, "
             "choice, comment, version, changed_by, changed_at FROM answers "
             "WHERE response_id = :response_id",
        soci::use(edition), soci::use(response_id);
  });
}

std::vector<Answer> SociTx::handed_in_answers(Id response_id, int edition) {
  return read("handed_in_answers", [&] {
    return select_all<AnswerRow>(
        db(),
        "SELECT CAST(0 AS BIGINT), response_id, question_id, choice, comment, version, changed_by, "
        "changed_at FROM handed_in_answers WHERE response_id = :response_id AND edition = :edition "
        "ORDER BY question_id",
        soci::use(response_id), soci::use(edition));
  });
}

}  // namespace uppsikt::store
