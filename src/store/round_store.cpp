// Follow-up rounds and their questions.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

const std::string kSelectRound =
    "SELECT id, name, year, status, deadline, requires_approval FROM rounds";

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

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(year));
    st.exchange(soci::into(status));
    st.exchange(soci::into(deadline));
    st.exchange(soci::into(requires_approval));
  }
  Round value() const {
    return Round{.id = id,
                 .name = name,
                 .year = year,
                 .status = decode(round_status_from_code(status), "round status", status),
                 .deadline = deadline,
                 .requires_approval = requires_approval != 0};
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
  }
  Question value() const {
    return Question{
        .id = id,
        .round_id = round_id,
        .node_id = node_id.get(),
        .position = position,
        .text = text,
        .audience = audience,
        .scale_id = scale_id,
        .comment_rule = decode(comment_rule_from_code(comment_rule), "comment rule", comment_rule),
        .comment_required_for = split_options(comment_required_for)};
  }
};

}  // namespace

Id SociTx::add_round(const Round& round) {
  return write("add_round", [&] {
    const std::string status{to_code(round.status)};
    const int requires_approval = round.requires_approval ? 1 : 0;
    return insert_returning_id(
        sql(),
        "INSERT INTO rounds (name, year, status, deadline, requires_approval) "
        "VALUES (:name, :year, :status, :deadline, :requires_approval) RETURNING id",
        soci::use(round.name), soci::use(round.year), soci::use(status), soci::use(round.deadline),
        soci::use(requires_approval));
  });
}

std::optional<Round> SociTx::round(Id id) {
  return read("round", [&] {
    return select_one<RoundRow>(sql(), kSelectRound + " WHERE id = :id", soci::use(id));
  });
}

std::optional<Round> SociTx::round_by_name(std::string_view name) {
  return read("round_by_name", [&] {
    const std::string wanted{name};
    return select_one<RoundRow>(sql(), kSelectRound + " WHERE name = :name", soci::use(wanted));
  });
}

std::vector<Round> SociTx::rounds() {
  return read("rounds", [&] {
    return select_all<RoundRow>(sql(), kSelectRound + " ORDER BY year DESC, name, id");
  });
}

Id SociTx::add_question(const Question& question) {
  return write("add_question", [&] {
    NullableId node(question.node_id);
    const std::string rule{to_code(question.comment_rule)};
    const std::string required_for = join_options(question.comment_required_for);
    return insert_returning_id(
        sql(),
        "INSERT INTO questions (round_id, node_id, position, text, audience, scale_id, "
        "comment_rule, comment_required_for) VALUES (:round_id, :node_id, :position, :text, "
        ":audience, :scale_id, :comment_rule, :comment_required_for) RETURNING id",
        soci::use(question.round_id), soci::use(node.value, node.indicator),
        soci::use(question.position), soci::use(question.text), soci::use(question.audience),
        soci::use(question.scale_id), soci::use(rule), soci::use(required_for));
  });
}

std::vector<Question> SociTx::questions(Id round_id) {
  return read("questions", [&] {
    return select_all<QuestionRow>(
        sql(),
        "SELECT id, round_id, node_id, position, text, audience, scale_id, comment_rule, "
        "comment_required_for FROM questions WHERE round_id = :round_id ORDER BY position, id",
        soci::use(round_id));
  });
}

}  // namespace uppsikt::store
