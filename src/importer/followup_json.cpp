#include <nlohmann/json.hpp>

#include "importer/followup.h"

namespace uppsikt::importer {
namespace {

// ordered_json keeps the keys in the documented order, which makes the dry run readable.
using Json = nlohmann::ordered_json;

Json optional_string(const std::optional<std::string>& value) {
  if (!value) return nullptr;
  return *value;
}

Json section_json(const Section& section) {
  return Json{{"number", section.number}, {"title", section.title}};
}

Json question_json(const ImportedQuestion& question) {
  return Json{{"section", question.section},
              {"text", question.text},
              {"audience", optional_string(question.audience)},
              {"reference_number", optional_string(question.reference_number)},
              {"expected_result", optional_string(question.expected_result)},
              {"answer", optional_string(question.answer)},
              {"comment", optional_string(question.comment)}};
}

}  // namespace

std::string to_json(const FollowUp& followup) {
  Json sections = Json::array();
  for (const auto& section : followup.sections) sections.push_back(section_json(section));
  Json questions = Json::array();
  for (const auto& question : followup.questions) questions.push_back(question_json(question));
  return Json{{"sections", std::move(sections)}, {"questions", std::move(questions)}}.dump(1);
}

}  // namespace uppsikt::importer
