// Follow-up rounds and their questions.
#include <unordered_map>

#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectRound =
    "SELECT id, name, year, status, deadline, requires_approval, opens_on, instructions, unit_id, "
    "archived FROM rounds";
const std::string kSelectQuestion =
    "SELECT id, round_id, node_id, position, text, audience, scale_id, comment_rule, "
    "comment_required_for, audience_kinds FROM questions";

// Options never contain a line break (they are one line in the form and in imports), so a
// question's few comment-required options are kept in one text column, one per line.
constexpr char kOptionSeparator = '\n';

std::string join_options(const std::vector<std::string>& options) {
  std::string joined;
  for (const auto& option : options) {
    if (!joined.empty()) joined += kOptionSeparator;
    joined += option;
  }
  return joined;
}

std::vector<std::string> split_options(const std::string& joined) {
  std::vector<std::string> options;
  if (joined.empty()) return options;
  std::size_t start = 0;
  for (;;) {
    const auto end = joined.find(kOptionSeparator, start);
    options.push_back(joined.substr(start, end - start));
    if (end == std::string::npos) return options;
    start = end + 1;
  }
}

struct RoundRow {
  long long id = 0;
  std::string name;
  int year = 0;
  std::string status;
  std::string deadline;
  int requires_approval = 0;
  std::string opens_on;
  std::string instructions;
  NullableId unit_id;
  int archived = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(year));
    st.exchange(soci::into(status));
    st.exchange(soci::into(deadline));
    st.exchange(soci::into(requires_approval));
    st.exchange(soci::into(opens_on));
    st.exchange(soci::into(instructions));
    st.exchange(soci::into(unit_id.value, unit_id.indicator));
    st.exchange(soci::into(archived));
  }
  Round value() const {
    return Round{.id = id,
                 .name = name,
                 .year = year,
                 .status = decode(round_status_from_code(status), "round status", status),
                 .deadline = deadline,
                 .opens_on = opens_on,
                 .instructions = instructions,
                 .requires_approval = requires_approval != 0,
                 .unit_id = unit_id.get(),
                 .archived = archived != 0};
  }
};

struct QuestionChangeRow {
  long long id = 0;
  long long question_id = 0;
  std::string changed_at;
  NullableId changed_by;
  std::string before;
  std::string after;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(question_id));
    st.exchange(soci::into(changed_at));
    st.exchange(soci::into(changed_by.value, changed_by.indicator));
    st.exchange(soci::into(before));
    st.exchange(soci::into(after));
  }
  QuestionChange value() const {
    return QuestionChange{.id = id, .question_id = question_id, .changed_at = changed_at,
                          .changed_by = changed_by.get(), .before = before, .after = after};
  }
};

struct QuestionRow {
  long long id = 0;
  long long round_id = 0;
  NullableId node_id;
  int position = 0;
  std::string text;
  std::string audience;
  long long scale_id = 0;
  std::string comment_rule;
  std::string comment_required_for;
  std::string audience_kinds;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(round_id));
    st.exchange(soci::into(node_id.value, node_id.indicator));
    st.exchange(soci::into(position));
    st.exchange(soci::into(text));
    st.exchange(soci::into(audience));
    st.exchange(soci::into(scale_id));
    st.exchange(soci::into(comment_rule));
    st.exchange(soci::into(comment_required_for));
    st.exchange(soci::into(audience_kinds));
  }
  Question value() const {
    Question question{
        .id = id,
        .round_id = round_id,
        .node_id = node_id.get(),
        .position = position,
        .text = text,
        .audience = audience,
        .scale_id = scale_id,
        .comment_rule = decode(comment_rule_from_code(comment_rule), "comment rule", comment_rule),
        .comment_required_for = split_options(comment_required_for)};
    for (const auto& code : split_options(audience_kinds))
      question.audience_kinds.push_back(decode(unit_kind_from_code(code), "unit kind", code));
    return question;
  }
};

std::string join_kinds(const std::vector<UnitKind>& kinds) {
  std::vector<std::string> codes;
  for (UnitKind kind : kinds) codes.emplace_back(to_code(kind));
  return join_options(codes);
}

// Replaces the units a question's audience names.
void write_audience_units(soci::session& sql, const Question& question) {
  sql << "DELETE FROM question_units WHERE question_id = :id", soci::use(question.id);
  for (Id unit : question.audience_units)
    sql << "INSERT INTO question_units (question_id, unit_id) VALUES (:question, :unit)",
        soci::use(question.id), soci::use(unit);
}

// Fills each question's audience units from the rows (question id, unit id) selected.
void attach_audience_units(std::vector<Question>& questions,
                           const std::vector<std::pair<Id, Id>>& links) {
  std::unordered_map<Id, Question*> by_id;
  for (auto& question : questions) by_id.emplace(question.id, &question);
  for (const auto& [question_id, unit] : links)
    if (auto it = by_id.find(question_id); it != by_id.end()) it->second->audience_units.push_back(unit);
}

}  // namespace

Id SociTx::add_round(const Round& round) {
  return write("add_round", [&] {
    const std::string status{to_code(round.status)};
    const int requires_approval = round.requires_approval ? 1 : 0;
    NullableId unit(round.unit_id);
    return insert_returning_id(
        db(),
        "INSERT INTO rounds (name, year, status, deadline, requires_approval, opens_on, "
        "instructions, unit_id) VALUES (:name, :year, :status, :deadline, :requires_approval, "
        ":opens_on, :instructions, :unit_id) RETURNING id",
        soci::use(round.name), soci::use(round.year), soci::use(status), soci::use(round.deadline),
        soci::use(requires_approval), soci::use(round.opens_on), soci::use(round.instructions),
        soci::use(unit.value, unit.indicator));
  });
}

void SociTx::update_round(const Round& round) {
  write("update_round", [&] {
    const std::string status{to_code(round.status)};
    const int requires_approval = round.requires_approval ? 1 : 0;
    const int archived = round.archived ? 1 : 0;
    NullableId unit(round.unit_id);
    sql() << "UPDATE rounds SET name = :name, year = :year, status = :status, "
             "deadline = :deadline, requires_approval = :requires_approval, opens_on = :opens_on, "
             "instructions = :instructions, unit_id = :unit_id, archived = :archived WHERE id = :id",
        soci::use(round.name), soci::use(round.year), soci::use(status), soci::use(round.deadline),
        soci::use(requires_approval), soci::use(round.opens_on), soci::use(round.instructions),
        soci::use(unit.value, unit.indicator), soci::use(archived), soci::use(round.id);
  });
}

std::optional<Round> SociTx::round(Id id) {
  return read("round", [&] {
    return select_one<RoundRow>(db(), kSelectRound + " WHERE id = :id", soci::use(id));
  });
}

std::optional<Round> SociTx::round_by_name(std::string_view name) {
  return read("round_by_name", [&] {
    const std::string wanted{name};
    return select_one<RoundRow>(db(), kSelectRound + " WHERE name = :name", soci::use(wanted));
  });
}

std::vector<Round> SociTx::rounds() {
  return read("rounds", [&] {
    return select_all<RoundRow>(db(), kSelectRound + " ORDER BY year DESC, name, id");
  });
}

Id SociTx::add_question(const Question& question) {
  return write("add_question", [&] {
    NullableId node(question.node_id);
    const std::string rule{to_code(question.comment_rule)};
    const std::string required_for = join_options(question.comment_required_for);
    const std::string kinds = join_kinds(question.audience_kinds);
    Question stored = question;
    stored.id = insert_returning_id(
        db(),
        "INSERT INTO questions (round_id, node_id, position, text, audience, scale_id, "
        "comment_rule, comment_required_for, audience_kinds) VALUES (:round_id, :node_id, "
        ":position, :text, :audience, :scale_id, :comment_rule, :comment_required_for, "
        ":audience_kinds) RETURNING id",
        soci::use(question.round_id), soci::use(node.value, node.indicator),
        soci::use(question.position), soci::use(question.text), soci::use(question.audience),
        soci::use(question.scale_id), soci::use(rule), soci::use(required_for), soci::use(kinds));
    write_audience_units(sql(), stored);
    return stored.id;
  });
}

std::optional<Question> SociTx::question(Id id) {
  return read("question", [&]() -> std::optional<Question> {
    auto question = select_one<QuestionRow>(db(), kSelectQuestion + " WHERE id = :id", soci::use(id));
    if (!question) return std::nullopt;
    std::vector<Question> one{*question};
    attach_audience_units(
        one, select_all<IdPairRow>(db(),
                                   "SELECT question_id, unit_id FROM question_units "
                                   "WHERE question_id = :id ORDER BY unit_id",
                                   soci::use(id)));
    return one.front();
  });
}

void SociTx::update_question(const Question& question) {
  write("update_question", [&] {
    NullableId node(question.node_id);
    const std::string rule{to_code(question.comment_rule)};
    const std::string required_for = join_options(question.comment_required_for);
    const std::string kinds = join_kinds(question.audience_kinds);
    sql() << "UPDATE questions SET node_id = :node_id, position = :position, text = :text, "
             "audience = :audience, scale_id = :scale_id, comment_rule = :comment_rule, "
             "comment_required_for = :comment_required_for, audience_kinds = :audience_kinds "
             "WHERE id = :id",
        soci::use(node.value, node.indicator), soci::use(question.position),
        soci::use(question.text), soci::use(question.audience), soci::use(question.scale_id),
        soci::use(rule), soci::use(required_for), soci::use(kinds), soci::use(question.id);
    write_audience_units(sql(), question);
  });
}

void SociTx::delete_question(Id id) {
  write("delete_question", [&] {
    sql() << "DELETE FROM question_units WHERE question_id = :id", soci::use(id);
    sql() << "DELETE FROM questions WHERE id = :id", soci::use(id);
  });
}

std::vector<Question> SociTx::questions(Id round_id) {
  return read("questions", [&] {
    auto questions = select_all<QuestionRow>(
        db(), kSelectQuestion + " WHERE round_id = :round_id ORDER BY position, id",
        soci::use(round_id));
    attach_audience_units(
        questions,
        select_all<IdPairRow>(db(),
                              "SELECT qu.question_id, qu.unit_id FROM question_units qu "
                              "JOIN questions q ON q.id = qu.question_id "
                              "WHERE q.round_id = :round_id ORDER BY qu.question_id, qu.unit_id",
                              soci::use(round_id)));
    return questions;
  });
}

Id SociTx::add_question_change(const QuestionChange& change) {
  return write("add_question_change", [&] {
    NullableId by(change.changed_by);
    return insert_returning_id(
        db(),
        "INSERT INTO question_changes (question_id, changed_at, changed_by, before_text, after_text) "
        "VALUES (:question_id, :changed_at, :changed_by, :before_text, :after_text) RETURNING id",
        soci::use(change.question_id), soci::use(change.changed_at), soci::use(by.value, by.indicator),
        soci::use(change.before), soci::use(change.after));
  });
}

std::vector<QuestionChange> SociTx::question_changes(Id round_id) {
  return read("question_changes", [&] {
    return select_all<QuestionChangeRow>(
        db(),
        "SELECT c.id, c.question_id, c.changed_at, c.changed_by, c.before_text, c.after_text "
        "FROM question_changes c JOIN questions q ON q.id = c.question_id "
        "WHERE q.round_id = :round_id ORDER BY c.id",
        soci::use(round_id));
  });
}

void SociTx::delete_round(Id round_id) {
  write("delete_round", [&] {
    // Children before parents, so that no reference is left dangling on either backend.
    const char* const statements[] = {
        "DELETE FROM answers WHERE response_id IN (SELECT id FROM responses WHERE round_id = :id)",
        "DELETE FROM handed_in_answers WHERE response_id IN (SELECT id FROM responses WHERE round_id = :id)",
        "DELETE FROM response_events WHERE response_id IN (SELECT id FROM responses WHERE round_id = :id)",
        "DELETE FROM responses WHERE round_id = :id",
        "DELETE FROM question_changes WHERE question_id IN (SELECT id FROM questions WHERE round_id = :id)",
        "DELETE FROM question_units WHERE question_id IN (SELECT id FROM questions WHERE round_id = :id)",
        "DELETE FROM questions WHERE round_id = :id",
        "DELETE FROM round_reminders WHERE round_id = :id",
        "DELETE FROM reminder_sends WHERE round_id = :id",
        "DELETE FROM report_publication_versions WHERE round_id = :id",
        "DELETE FROM report_publications WHERE round_id = :id",
        "DELETE FROM report_assessments WHERE round_id = :id",
        "DELETE FROM report_covers WHERE round_id = :id",
        "DELETE FROM outbox WHERE round_id = :id",
        "DELETE FROM rounds WHERE id = :id",
    };
    for (const char* statement : statements) sql() << statement, soci::use(round_id);
  });
}

}  // namespace uppsikt::store
