// The dry-run JSON a coordinator reads before an import: documented keys, in order, with
// null where the document said nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "importer/followup.h"

namespace uppsikt::importer {
namespace {

FollowUp one_question(std::optional<std::string> comment) {
  FollowUp followup;
  followup.sections.push_back({"1.1", "Målområde 1: Öka kunskapen"});
  ImportedQuestion question;
  question.section = "1.1";
  question.text = "Är ert arbete kunskapsbaserat?";
  question.reference_number = "1:1";
  question.answer = "Ja";
  question.comment = std::move(comment);
  followup.questions.push_back(question);
  followup.warnings.push_back({3, 0, "Rad 3: texten hör inte till någon fråga och har hoppats över"});
  return followup;
}

TEST(FollowUpJson, AbsentFieldsAreNull) {
  const auto json = nlohmann::json::parse(to_json(one_question(std::nullopt)));
  const auto& question = json["questions"][0];
  EXPECT_TRUE(question["audience"].is_null());
  EXPECT_TRUE(question["expected_result"].is_null());
  EXPECT_TRUE(question["comment"].is_null());
  EXPECT_EQ(question["answer"], "Ja");
  EXPECT_EQ(question["reference_number"], "1:1");
}

TEST(FollowUpJson, KeysComeInTheDocumentedOrder) {
  const auto json = nlohmann::ordered_json::parse(to_json(one_question("Ja.\n\nMer.")));
  std::vector<std::string> top;
  for (const auto& [key, value] : json.items()) top.push_back(key);
  EXPECT_EQ(top, (std::vector<std::string>{"sections", "questions"}));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json["questions"][0].items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"section", "text", "audience", "reference_number",
                                            "expected_result", "answer", "comment"}));
  std::vector<std::string> section_keys;
  for (const auto& [key, value] : json["sections"][0].items()) section_keys.push_back(key);
  EXPECT_EQ(section_keys, (std::vector<std::string>{"number", "title"}));
}

TEST(FollowUpJson, SwedishLettersAndParagraphBreaksSurvive) {
  const auto json = nlohmann::json::parse(to_json(one_question("Första.\n\nAndra stycket.")));
  EXPECT_EQ(json["sections"][0]["title"], "Målområde 1: Öka kunskapen");
  EXPECT_EQ(json["questions"][0]["comment"], "Första.\n\nAndra stycket.");
}

TEST(FollowUpJson, EmptyFollowUpHasEmptyArrays) {
  const auto json = nlohmann::json::parse(to_json(FollowUp{}));
  EXPECT_EQ(json, nlohmann::json::parse(R"({"sections":[],"questions":[]})"));
}

}  // namespace
}  // namespace uppsikt::importer
