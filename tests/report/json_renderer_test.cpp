// The JSON validated against docs/report.schema.json (support/json_schema.h), and read back.
#include "report/json_renderer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_reports.h"
#include "support/json_schema.h"
#include "support/fixture.h"

namespace uppsikt::report {
namespace {

using nlohmann::json;

using testing::SchemaCheck;

SchemaCheck schema() {
  return SchemaCheck(json::parse(testing::read_file(std::string(UPPSIKT_SOURCE_DIR) + "/docs/report.schema.json")));
}

TEST(JsonRenderer, CompiledReportValidatesAgainstTheSchema) {
  const auto doc = json::parse(render_json(testing::sample_compiled()));
  EXPECT_EQ(schema().problems(doc), std::vector<std::string>{});
  EXPECT_EQ(doc["kind"], "compiled");
  const auto& q1 = doc["sections"][1]["questions"][0];
  EXPECT_EQ(q1["counts"][1]["option"], "Nej");
  EXPECT_EQ(q1["counts"][1]["count"], 1);
  EXPECT_EQ(q1["answers"][0]["comment"], testing::kHostileMarkup);  // text, as it was written
  EXPECT_EQ(q1["trend"][0]["year"], 2023);
  EXPECT_EQ(doc["rows"].size(), 5u);
  EXPECT_EQ(doc["units_not_answered"][0], "Västra Hisingen");
}

TEST(JsonRenderer, UnitReportValidatesAgainstTheSchema) {
  const auto doc = json::parse(render_json(testing::sample_unit()));
  EXPECT_EQ(schema().problems(doc), std::vector<std::string>{});
  EXPECT_EQ(doc["unit"]["status"], "Inlämnad");
  EXPECT_EQ(doc["sections"][1]["questions"][1]["comment"], testing::kHostileFormula);
  EXPECT_EQ(doc["rows"].size(), 3u);
}

TEST(JsonRenderer, TheValidatorFindsAMissingKeyAndAWrongType) {
  auto doc = json::parse(render_json(testing::sample_compiled()));
  doc.erase("units_not_answered");
  doc["sections"][1]["questions"][0]["counts"][0]["count"] = "1";
  const auto problems = schema().problems(doc);
  EXPECT_FALSE(problems.empty());
}

TEST(JsonRenderer, IllFormedUtf8BecomesAReplacementCharacter) {
  auto report = testing::sample_unit();
  report.sections[1].answers[0].comment = "trasig \xC3 text";
  const auto doc = json::parse(render_json(report));
  EXPECT_EQ(doc["sections"][1]["questions"][0]["comment"], "trasig \xEF\xBF\xBD text");
}

}  // namespace
}  // namespace uppsikt::report
