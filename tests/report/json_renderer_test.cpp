// The JSON validated against docs/report.schema.json by a small validator of the schema's
// keywords (type, required, properties, items, const, $ref, oneOf, allOf), and read back.
#include "report/json_renderer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_reports.h"
#include "support/fixture.h"

namespace uppsikt::report {
namespace {

using nlohmann::json;

class SchemaCheck {
 public:
  explicit SchemaCheck(json schema) : root_(std::move(schema)) {}
  // Every problem found, as "path: what"; empty when `doc` is valid.
  std::vector<std::string> problems(const json& doc) {
    problems_.clear();
    check(doc, root_, "$");
    return problems_;
  }

 private:
  const json& resolve(const json& schema) {
    if (!schema.contains("$ref")) return schema;
    const std::string ref = schema["$ref"];
    return resolve(root_.at(json::json_pointer(ref.substr(1))));
  }

  static bool has_type(const json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    return false;
  }

  bool valid(const json& v, const json& schema, const std::string& path) {
    auto saved = problems_;
    check(v, schema, path);
    bool ok = problems_.size() == saved.size();
    problems_ = saved;
    return ok;
  }

  void check(const json& v, const json& schema_ref, const std::string& path) {
    const json& schema = resolve(schema_ref);
    if (schema.contains("const") && v != schema["const"]) problems_.push_back(path + ": not " + schema["const"].dump());
    if (schema.contains("type") && !has_type(v, schema["type"])) {
      problems_.push_back(path + ": not " + schema["type"].get<std::string>());
      return;
    }
    if (schema.contains("oneOf")) {
      int matches = 0;
      for (const auto& s : schema["oneOf"]) matches += valid(v, s, path) ? 1 : 0;
      if (matches != 1) problems_.push_back(path + ": matches " + std::to_string(matches) + " of oneOf");
    }
    if (schema.contains("allOf"))
      for (const auto& s : schema["allOf"]) check(v, s, path);
    if (schema.contains("required"))
      for (const auto& key : schema["required"])
        if (!v.contains(key)) problems_.push_back(path + ": missing " + key.get<std::string>());
    if (schema.contains("properties"))
      for (const auto& [key, s] : schema["properties"].items())
        if (v.contains(key)) check(v[key], s, path + "." + key);
    if (schema.contains("items"))
      for (std::size_t i = 0; i < v.size(); ++i) check(v[i], schema["items"], path + "[" + std::to_string(i) + "]");
  }

  json root_;
  std::vector<std::string> problems_;
};

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
