#include "api/json_views.h"

namespace uppsikt::api {
namespace {

nlohmann::json optional_id(const std::optional<Id>& id) { return id ? nlohmann::json(*id) : nlohmann::json(); }

nlohmann::json progress_json(const Progress& p) {
  return {{"total", p.total},       {"not_started", p.not_started}, {"draft", p.draft},
          {"submitted", p.submitted}, {"returned", p.returned},     {"approved", p.approved}};
}

nlohmann::json node_json(const Node& node) {
  return {{"id", node.id},
          {"document_id", node.document_id},
          {"parent_id", optional_id(node.parent_id)},
          {"kind", to_code(node.kind)},
          {"number", node.number},
          {"title", node.title},
          {"text", node.text},
          {"expected_result", node.expected_result}};
}

nlohmann::json document_json(const Document& document) {
  return {{"id", document.id},         {"title", document.title},           {"kind", to_code(document.kind)},
          {"period", document.period}, {"decided_by", document.decided_by}, {"decided_on", document.decided_on}};
}

nlohmann::json question_json(const Question& question) {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto kind : question.audience_kinds) kinds.push_back(to_code(kind));
  return {{"id", question.id},
          {"position", question.position},
          {"text", question.text},
          {"item_id", optional_id(question.node_id)},
          {"scale_id", question.scale_id},
          {"comment_rule", to_code(question.comment_rule)},
          {"comment_required_for", question.comment_required_for},
          {"audience", question.audience},
          {"audience_kinds", kinds},
          {"audience_units", question.audience_units}};
}

}  // namespace

nlohmann::json round_json(const Round& round, const Progress& progress, int questions) {
  return {{"id", round.id},
          {"name", round.name},
          {"year", round.year},
          {"status", to_code(round.status)},
          {"opens_on", round.opens_on},
          {"deadline", round.deadline},
          {"requires_approval", round.requires_approval},
          {"unit_id", optional_id(round.unit_id)},
          {"questions", questions},
          {"responses", progress_json(progress)}};
}

nlohmann::json unit_json(const Unit& unit) {
  return {{"id", unit.id},
          {"parent_id", optional_id(unit.parent_id)},
          {"name", unit.name},
          {"kind", to_code(unit.kind)},
          {"closed", unit.closed}};
}

nlohmann::json response_row_json(Id round_id, const service::UnitRow& row) {
  return {{"id", row.response_id},
          {"round_id", round_id},
          {"unit", {{"id", row.unit.id}, {"name", row.unit.name}, {"kind", to_code(row.unit.kind)}}},
          {"status", to_code(row.status)},
          {"answered", row.answered},
          {"required", row.required},
          {"updated_at", row.updated_at},
          {"last_changed_at", row.last_changed_at},
          {"last_changed_by", row.last_changed_by}};
}

nlohmann::json answer_json(const Answer& answer, Id unit_id) {
  return {{"unit_id", unit_id},
          {"response_id", answer.response_id},
          {"question_id", answer.question_id},
          {"choice", answer.choice},
          {"comment", answer.comment},
          {"version", answer.version},
          {"changed_by", answer.changed_by},
          {"changed_at", answer.changed_at}};
}

nlohmann::json questions_json(const service::RoundQuestions& q) {
  nlohmann::json questions = nlohmann::json::array(), scales = nlohmann::json::array(),
                 nodes = nlohmann::json::array(), documents = nlohmann::json::array();
  for (const auto& question : q.questions) questions.push_back(question_json(question));
  for (const auto& [id, scale] : q.scales)
    scales.push_back({{"id", id}, {"name", scale.name}, {"options", scale.options}});
  for (const auto& [id, node] : q.nodes) nodes.push_back(node_json(node));
  for (const auto& [id, document] : q.documents) documents.push_back(document_json(document));
  return {{"round_id", q.round.id},
          {"instructions", q.round.instructions},
          {"questions", questions},
          {"scales", scales},
          {"nodes", nodes},
          {"documents", documents}};
}

}  // namespace uppsikt::api
