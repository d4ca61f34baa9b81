#pragma once
// A small validator of the JSON Schema keywords Uppsikt's schemas use (type, required,
// properties, items, const, $ref, oneOf, allOf), for checking exports against docs/*.schema.json.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace uppsikt::testing {

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

}  // namespace uppsikt::testing
