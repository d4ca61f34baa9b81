// The seed fixture (the environment administration's 2024 follow-up) must import exactly as
// its answer key says, field for field, and without warnings.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "importer/text_importer.h"

namespace uppsikt::importer {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class TextImportFixture : public testing::Test {
 protected:
  void SetUp() override {
    followup_ = parse_text(read_file(UPPSIKT_SOURCE_DIR "/data/demo/miljoforvaltningen-2024.txt"));
    actual_ = nlohmann::json::parse(to_json(followup_));
    expected_ = nlohmann::json::parse(
        read_file(UPPSIKT_SOURCE_DIR "/tests/importer/data/fixture.expected.json"));
  }

  FollowUp followup_;
  nlohmann::json actual_;
  nlohmann::json expected_;
};

// Compares two arrays of objects element by element and key by key, so that a failure
// names the entry and field that differ instead of dumping both documents.
void expect_same_entries(const nlohmann::json& actual, const nlohmann::json& expected,
                         const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << "number of " << what;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (const auto& [key, value] : expected[i].items()) {
      ASSERT_TRUE(actual[i].contains(key)) << what << "[" << i << "] lacks " << key;
      EXPECT_EQ(actual[i][key], value) << what << "[" << i << "]." << key;
    }
    EXPECT_EQ(actual[i].size(), expected[i].size()) << what << "[" << i << "] has extra fields";
  }
}

TEST_F(TextImportFixture, SectionsMatchAnswerKey) {
  expect_same_entries(actual_["sections"], expected_["sections"], "sections");
}

TEST_F(TextImportFixture, QuestionsMatchAnswerKey) {
  expect_same_entries(actual_["questions"], expected_["questions"], "questions");
}

TEST_F(TextImportFixture, WholeDocumentEqualsAnswerKey) { EXPECT_EQ(actual_, expected_); }

TEST_F(TextImportFixture, ImportsWithoutWarnings) {
  for (const auto& warning : followup_.warnings) ADD_FAILURE() << warning.message;
}

TEST_F(TextImportFixture, QuestionsRememberTheirLine) {
  ASSERT_FALSE(followup_.questions.empty());
  EXPECT_EQ(followup_.questions.front().line, 13);
  EXPECT_EQ(followup_.questions.back().line, 366);
}

// A file cut off anywhere (a failed download, a truncated copy) still imports: no crash,
// and every warning points at a line that exists.
TEST_F(TextImportFixture, EveryTruncationImportsWithoutCrash) {
  const std::string text = read_file(UPPSIKT_SOURCE_DIR "/data/demo/miljoforvaltningen-2024.txt");
  int line_count = 0;
  for (std::size_t end = 0; end <= text.size(); ++end) {
    if (end < text.size() && text[end] != '\n') continue;
    ++line_count;
    const FollowUp followup = parse_text(std::string_view(text).substr(0, end));
    for (const auto& warning : followup.warnings) {
      EXPECT_GE(warning.line, 1);
      EXPECT_LE(warning.line, line_count);
    }
    EXPECT_LE(followup.questions.size(), followup_.questions.size());
  }
}

}  // namespace
}  // namespace uppsikt::importer
