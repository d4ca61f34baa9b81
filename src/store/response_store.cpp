// Units' responses to rounds and their answers, with optimistic version checks: a change
// names the version it was based on and fails with ConflictError if another writer came first.
#include "store/answer_row_impl.h"
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectResponse =
    "SELECT id, round_id, unit_id, status, version, updated_at, edition, handed_in_at, "
    "handed_in_by, reopened, deadline FROM responses";

struct ResponseRow {
  long long id = 0;
  long long round_id = 0;
  long long unit_id = 0;
  std::string status;
  int version = 0;
  std::string updated_at;
  int edition = 1;
  std::string handed_in_at;
  NullableId handed_in_by;
  int reopened = 0;
  std::string deadline;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(round_id));
    st.exchange(soci::into(unit_id));
    st.exchange(soci::into(status));
    st.exchange(soci::into(version));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(edition));
    st.exchange(soci::into(handed_in_at));
    st.exchange(soci::into(handed_in_by.value, handed_in_by.indicator));
    st.exchange(soci::into(reopened));
    st.exchange(soci::into(deadline));
  }
  Response value() const {
    return Response{.id = id,
                    .round_id = round_id,
                    .unit_id = unit_id,
                    .status = decode(response_status_from_code(status), "response status", status),
                    .version = version,
                    .updated_at = updated_at,
                    .edition = edition,
                    .handed_in_at = handed_in_at,
                    .handed_in_by = handed_in_by.get(),
                    .reopened = reopened != 0,
                    .deadline = deadline};
  }
};

// Inserts the answer as version 1 unless the response already has one to its question: ON
// CONFLICT turns a concurrent first answer into nothing rather than a unique-constraint error.
std::optional<Id> insert_first_answer(Connection db, const Answer& answer) {
  const int version = 1;
  return returning_id(
      db,
      "INSERT INTO answers "
      "(response_id, question_id, choice, comment, version, changed_by, changed_at) "
      "VALUES (:response_id, :question_id, :choice, :comment, :version, :changed_by, "
      ":changed_at) ON CONFLICT (response_id, question_id) DO NOTHING RETURNING id",
      soci::use(answer.response_id), soci::use(answer.question_id), soci::use(answer.choice),
      soci::use(answer.comment), soci::use(version), soci::use(answer.changed_by),
      soci::use(answer.changed_at));
}

// Inserts a first answer or replaces the version the caller saw; ConflictError otherwise.
Id store_answer(Connection db, const Answer& answer, int seen_version) {
  // Version 0: the caller saw no answer, so one stored meanwhile is a conflict, not a thing
  // to overwrite. The row starts at version 1.
  if (seen_version == 0) {
    if (const auto inserted = insert_first_answer(db, answer)) return *inserted;
    throw ConflictError(fmt::format("store: answer to question {} of response {} was saved by "
                                    "someone else first",
                                    answer.question_id, answer.response_id));
  }
  const auto replaced = returning_id(
      db,
      "UPDATE answers SET choice = :choice, comment = :comment, changed_by = :changed_by, "
      "changed_at = :changed_at, version = version + 1 "
      "WHERE response_id = :response_id AND question_id = :question_id "
      "AND version = :version RETURNING id",
      soci::use(answer.choice), soci::use(answer.comment), soci::use(answer.changed_by),
      soci::use(answer.changed_at), soci::use(answer.response_id),
      soci::use(answer.question_id), soci::use(seen_version));
  if (replaced) return *replaced;
  throw ConflictError(fmt::format(
      "store: answer to question {} of response {} changed since version {}",
      answer.question_id, answer.response_id, seen_version));
}

}  // namespace

void note_answer_change(Connection db, Id response_id, const std::string& at, const std::string& by) {
  run(db,
      "UPDATE responses SET answer_changed_at = :at, answer_changed_by = :by "
      "WHERE id = :id AND answer_changed_at <= :at2",
      soci::use(at), soci::use(by), soci::use(response_id), soci::use(at));
}

namespace {

struct UnitAnswerRow {
  long long unit_id = 0;
  AnswerRow answer;

  void bind(soci::statement& st) {
    st.exchange(soci::into(unit_id));
    answer.bind(st);
  }
  Tx::UnitAnswer value() const { return {unit_id, answer.value()}; }
};

struct QuestionChoiceCountRow {
  long long question_id = 0;
  std::string choice;
  long long count = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(question_id));
    st.exchange(soci::into(choice));
    st.exchange(soci::into(count));
  }
  Tx::QuestionChoiceCount value() const { return {question_id, choice, static_cast<int>(count)}; }
};

// "r.status IN ('submitted', 'approved')": the codes are the program's own constants, so
// they are written into the statement rather than bound one by one.
std::string status_in(const std::vector<ResponseStatus>& statuses) {
  std::string list;
  for (auto s : statuses) list += (list.empty() ? "'" : ", '") + std::string(to_code(s)) + "'";
  return list.empty() ? "1 = 0" : "r.status IN (" + list + ")";
}

// One response's answers with one choice, and the response's latest change.
struct TallyRow {
  long long response_id = 0;
  std::string choice;
  long long answered = 0;  // COUNT is BIGINT in PostgreSQL
  std::string changed_at;
  std::string changed_by;

  void bind(soci::statement& st) {
    st.exchange(soci::into(response_id));
    st.exchange(soci::into(choice));
    st.exchange(soci::into(answered));
    st.exchange(soci::into(changed_at));
    st.exchange(soci::into(changed_by));
  }
  TallyRow value() const { return *this; }
};

struct LimitedMarkRow {
  long long response_id = 0;
  long long question_id = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(response_id));
    st.exchange(soci::into(question_id));
  }
  std::pair<Id, Id> value() const { return {response_id, question_id}; }
};

// The round's questions, each with whether it is put to every unit (no audience of kinds or
// units); joined once per answer, so computed once per question.
const std::string kQuestionsOfRound =
    "(SELECT q.id, CASE WHEN q.audience_kinds = '' AND NOT EXISTS "
    "(SELECT 1 FROM question_units qu WHERE qu.question_id = q.id) THEN 1 ELSE 0 END AS to_all "
    "FROM questions q WHERE q.round_id = :question_round) q";

// The chosen answers of a round with their question (q, as above), read from the index by
// question and choice alone (binds :question_round).
const std::string kAnsweredInRound =
    "FROM " + kQuestionsOfRound + " CROSS JOIN answers a WHERE a.question_id = q.id AND a.choice <> ''";

const std::string kSelectAnswer =
    "SELECT id, response_id, question_id, choice, comment, version, changed_by, changed_at FROM answers";

}  // namespace

Id SociTx::add_response(const Response& response) {
  return write("add_response", [&] {
    const std::string status{to_code(response.status)};
    NullableId by(response.handed_in_by);
    const int reopened = response.reopened ? 1 : 0;
    return insert_returning_id(
        db(),
        "INSERT INTO responses (round_id, unit_id, status, version, updated_at, edition, "
        "handed_in_at, handed_in_by, reopened, deadline) VALUES (:round_id, :unit_id, :status, "
        ":version, :updated_at, :edition, :handed_in_at, :handed_in_by, :reopened, :deadline) RETURNING id",
        soci::use(response.round_id), soci::use(response.unit_id), soci::use(status),
        soci::use(response.version), soci::use(response.updated_at), soci::use(response.edition),
        soci::use(response.handed_in_at), soci::use(by.value, by.indicator), soci::use(reopened),
        soci::use(response.deadline));
  });
}

std::optional<Response> SociTx::response(Id id) {
  return read("response", [&] {
    return select_one<ResponseRow>(db(), kSelectResponse + " WHERE id = :id", soci::use(id));
  });
}

std::optional<Response> SociTx::response_of(Id round_id, Id unit_id) {
  return read("response_of", [&] {
    return select_one<ResponseRow>(
        db(), kSelectResponse + " WHERE round_id = :round_id AND unit_id = :unit_id",
        soci::use(round_id), soci::use(unit_id));
  });
}

std::vector<Response> SociTx::responses(Id round_id) {
  return read("responses", [&] {
    return select_all<ResponseRow>(
        db(), kSelectResponse + " WHERE round_id = :round_id ORDER BY id", soci::use(round_id));
  });
}

void SociTx::update_response_status(Id response_id, ResponseStatus status, int expected_version,
                                    std::string_view updated_at) {
  write("update_response_status", [&] {
    const std::string code{to_code(status)};
    const std::string at{updated_at};
    const auto updated = returning_id(
        db(),
        "UPDATE responses SET status = :status, updated_at = :updated_at, version = version + 1 "
        "WHERE id = :id AND version = :version RETURNING id",
        soci::use(code), soci::use(at), soci::use(response_id), soci::use(expected_version));
    if (updated) return;
    if (!response(response_id))
      throw store_error("update_response_status", fmt::format("no response {}", response_id));
    throw ConflictError(fmt::format("store: response {} changed since version {}", response_id,
                                    expected_version));
  });
}

void SociTx::update_response(const Response& response, int expected_version) {
  write("update_response", [&] {
    const std::string code{to_code(response.status)};
    NullableId by(response.handed_in_by);
    const int reopened = response.reopened ? 1 : 0;
    const auto updated = returning_id(
        db(),
        "UPDATE responses SET status = :status, updated_at = :updated_at, edition = :edition, "
        "handed_in_at = :handed_in_at, handed_in_by = :handed_in_by, reopened = :reopened, "
        "version = version + 1 WHERE id = :id AND version = :version RETURNING id",
        soci::use(code), soci::use(response.updated_at), soci::use(response.edition),
        soci::use(response.handed_in_at), soci::use(by.value, by.indicator), soci::use(reopened),
        soci::use(response.id), soci::use(expected_version));
    if (updated) return;
    if (!this->response(response.id))
      throw store_error("update_response", fmt::format("no response {}", response.id));
    throw ConflictError(fmt::format("store: response {} changed since version {}", response.id,
                                    expected_version));
  });
}

bool SociTx::touch_response(Id response_id, ResponseStatus seen, ResponseStatus status,
                            std::string_view updated_at) {
  return write("touch_response", [&] {
    const std::string seen_code{to_code(seen)};
    const std::string code{to_code(status)};
    const std::string at{updated_at};
    // The UPDATE takes the row's lock, so a hand-in running at once waits for this
    // transaction, or this one sees the new status and touches nothing.
    return returning_id(db(),
                        "UPDATE responses SET status = :status, updated_at = :updated_at "
                        "WHERE id = :id AND status = :seen RETURNING id",
                        soci::use(code), soci::use(at), soci::use(response_id),
                        soci::use(seen_code))
        .has_value();
  });
}

Id SociTx::save_answer(const Answer& answer, int seen_version) {
  return write("save_answer", [&] {
    const Id id = store_answer(db(), answer, seen_version);
    note_answer_change(db(), answer.response_id, answer.changed_at, answer.changed_by);
    return id;
  });
}

std::vector<Answer> SociTx::answers(Id response_id) {
  return read("answers", [&] {
    return select_all<AnswerRow>(
        db(), kSelectAnswer + " WHERE response_id = :response_id ORDER BY id",
        soci::use(response_id));
  });
}

std::optional<Answer> SociTx::answer_of(Id response_id, Id question_id) {
  return read("answer_of", [&] {
    return select_one<AnswerRow>(
        db(), kSelectAnswer + " WHERE response_id = :response_id AND question_id = :question_id",
        soci::use(response_id), soci::use(question_id));
  });
}

void SociTx::delete_response(Id id) {
  write("delete_response", [&] { sql() << "DELETE FROM responses WHERE id = :id", soci::use(id); });
}

void SociTx::set_response_deadline(Id response_id, std::string_view deadline) {
  write("set_response_deadline", [&] {
    const std::string day{deadline};
    sql() << "UPDATE responses SET deadline = :deadline WHERE id = :id", soci::use(day), soci::use(response_id);
  });
}

std::vector<Tx::UnitAnswer> SociTx::round_answers(Id round_id, const std::vector<ResponseStatus>& statuses,
                                                  bool with_comments) {
  return read("round_answers", [&] {
    return select_all<UnitAnswerRow>(
        db(),
        std::string("SELECT r.unit_id, a.id, a.response_id, a.question_id, a.choice, ") +
            (with_comments ? "a.comment" : "''") +
            ", a.version, a.changed_by, a.changed_at FROM responses r JOIN answers a ON a.response_id = r.id "
            "WHERE r.round_id = :round_id AND a.choice <> '' AND " + status_in(statuses) +
            " ORDER BY a.response_id, a.question_id",
        soci::use(round_id));
  });
}

std::vector<Tx::UnitAnswer> SociTx::round_answers_page(Id round_id, Id after_response, Id after_question,
                                                        int limit) {
  return read("round_answers_page", [&] {
    // Each page seeks its start: the round's responses in id order (responses_round_id), each
    // response's answers in question order (the answers' unique index), so that the LIMIT ends
    // the walk. Driving from the answers instead sorted the whole round for every page.
    return select_all<UnitAnswerRow>(
        db(),
        "SELECT r.unit_id, a.id, a.response_id, a.question_id, a.choice, a.comment, a.version, a.changed_by, "
        "a.changed_at FROM responses r JOIN answers a ON a.response_id = r.id "
        "WHERE r.round_id = :round_id AND r.id >= :after_response "
        "AND (r.id > :same_response OR a.question_id > :after_question) "
        "ORDER BY r.id, a.question_id LIMIT " + std::to_string(limit),
        soci::use(round_id), soci::use(after_response), soci::use(after_response), soci::use(after_question));
  });
}

std::vector<Tx::QuestionChoiceCount> SociTx::round_choice_counts(Id round_id,
                                                                 const std::vector<ResponseStatus>& statuses) {
  struct SplitRow {
    long long kept = 0, others = 0;
    void bind(soci::statement& st) {
      st.exchange(soci::into(kept));
      st.exchange(soci::into(others));
    }
    SplitRow value() const { return *this; }
  };
  const std::string kept = status_in(statuses);
  return read("round_choice_counts", [&] {
    const auto split = select_one<SplitRow>(
        db(),
        "SELECT COUNT(CASE WHEN " + kept + " THEN 1 END), COUNT(CASE WHEN NOT (" + kept +
            ") THEN 1 END) FROM responses r WHERE r.round_id = :round",
        soci::use(round_id));
    // Both ways walk answers_question_choice question by question, already in the order
    // grouped. Looking up each answer's response among the kept ones costs more than the
    // walk itself, so where few responses are left out (a closed round), all answers are
    // counted from the index alone and those of the left-out responses taken away: 0.08 s
    // against 0.25 s a national round. An answer to a round's question is always part of a
    // response to that round.
    if (split && split->others * 4 <= split->kept + split->others)
      return select_all<QuestionChoiceCountRow>(
          db(),
          "SELECT question_id, choice, CAST(SUM(n) AS BIGINT) FROM ("
          "SELECT a.question_id, a.choice, COUNT(*) AS n FROM answers a "
          "WHERE a.question_id IN (SELECT id FROM questions WHERE round_id = :round_id) AND a.choice <> '' "
          "GROUP BY a.question_id, a.choice "
          "UNION ALL SELECT a.question_id, a.choice, -COUNT(*) FROM responses r JOIN answers a ON a.response_id = r.id "
          "WHERE r.round_id = :round AND a.choice <> '' AND NOT (" + kept + ") GROUP BY a.question_id, a.choice"
          ") t GROUP BY question_id, choice HAVING SUM(n) > 0 ORDER BY question_id, choice",
          soci::use(round_id), soci::use(round_id));
    // The kept responses are gathered first into a small index of their own, which SQLite
    // searches faster than the table (0.25 s a national round against 0.35 s).
    return select_all<QuestionChoiceCountRow>(
        db(),
        "SELECT a.question_id, a.choice, COUNT(*) FROM answers a "
        "WHERE a.question_id IN (SELECT id FROM questions WHERE round_id = :round_id) "
        "AND a.response_id IN (SELECT r.id FROM responses r WHERE r.round_id = :round AND " + kept +
            ") AND a.choice <> '' GROUP BY a.question_id, a.choice ORDER BY a.question_id, a.choice",
        soci::use(round_id), soci::use(round_id));
  });
}

std::vector<Tx::AnswerTally> SociTx::answer_tallies(Id round_id) {
  return read("answer_tallies", [&] {
    // Counted in the database from answers_response_choice alone, response by response in
    // the order of their ids, so that a national round's 550,000 answers arrive grouped and
    // are not sorted. "+r.round_id" keeps SQLite from starting at the index by round, whose
    // order is by unit. Every answer of a response is to a question of its round.
    const auto rows = select_all<TallyRow>(
        db(),
        "SELECT r.id, a.choice, COUNT(*), r.answer_changed_at, r.answer_changed_by FROM responses r "
        "CROSS JOIN answers a WHERE a.response_id = r.id AND +r.round_id = :round AND a.choice <> '' "
        "GROUP BY r.id, a.choice ORDER BY r.id, a.choice",
        soci::use(round_id));
    std::vector<AnswerTally> tallies;
    for (const auto& row : rows) {
      if (tallies.empty() || tallies.back().response_id != row.response_id)
        tallies.push_back({.response_id = row.response_id, .last_changed_at = row.changed_at,
                           .last_changed_by = row.changed_by});
      tallies.back().choices[row.choice] = static_cast<int>(row.answered);
      tallies.back().answered_by_all += static_cast<int>(row.answered);  // less the limited, below
    }
    const auto limited = select_all<LimitedMarkRow>(
        db(),
        "SELECT a.response_id, a.question_id " + kAnsweredInRound +
            " AND q.to_all = 0 ORDER BY a.response_id, a.question_id",
        soci::use(round_id));
    auto tally = tallies.begin();
    for (const auto& [response_id, question_id] : limited) {
      while (tally != tallies.end() && tally->response_id < response_id) ++tally;
      if (tally == tallies.end() || tally->response_id != response_id) continue;
      tally->answered_limited.push_back(question_id);
      --tally->answered_by_all;
    }
    return tallies;
  });
}

}  // namespace uppsikt::store
