#include "web/import_choices.h"

#include <algorithm>

#include "http/form.h"
#include "importer/answer_scales.h"

namespace uppsikt::web {
namespace {

// More columns than this in one file is no follow-up table; the rest are not read back.
constexpr std::size_t kMaxColumns = 64;

std::string file_prefix(std::size_t index) { return "fil" + std::to_string(index + 1); }
std::string role_field(std::size_t file, std::size_t column) {
  return file_prefix(file) + "-kolumn" + std::to_string(column + 1);
}
std::string header_field(std::size_t file, std::size_t column) { return role_field(file, column) + "-rubrik"; }
std::string scale_field(std::size_t file) { return file_prefix(file) + "-skala"; }

// The Swedish names of the roles, in the order the select offers them.
const std::vector<std::pair<importer::Role, std::string>>& role_labels() {
  using importer::Role;
  static const std::vector<std::pair<Role, std::string>> labels{
      {Role::number, "Nummer"},      {Role::question, "Fråga eller åtgärd"}, {Role::audience, "Ansvarig eller berörda"},
      {Role::answer, "Svar eller status"}, {Role::comment, "Kommentar"}, {Role::expected, "Förväntat resultat"},
      {Role::extra, "Övrig text på frågan"}};
  return labels;
}

}  // namespace

nlohmann::json choices_json(const importer::FollowUp& followup, std::size_t index) {
  nlohmann::json columns = nlohmann::json::array();
  std::vector<std::string> seen;
  for (const auto& table : followup.tables)
    for (std::size_t c = 0; c < table.headers.size() && seen.size() < kMaxColumns; ++c) {
      const std::string& header = table.headers[c];
      if (header.empty() || std::find(seen.begin(), seen.end(), header) != seen.end()) continue;
      nlohmann::json roles = nlohmann::json::array();
      for (const auto& [role, label] : role_labels())
        roles.push_back({{"value", std::string(importer::role_name(role))}, {"label", label}, {"selected", role == table.roles[c]}});
      const std::string name = role_field(index, seen.size());
      columns.push_back({{"header", header}, {"id", name}, {"name", name},
                         {"header_name", header_field(index, seen.size())}, {"role", std::string(importer::role_name(table.roles[c]))},
                         {"roles", roles}});
      seen.push_back(header);
    }
  nlohmann::json scales = nlohmann::json::array();
  scales.push_back({{"value", ""}, {"label", "Som varje svar är skrivet"}, {"selected", followup.scale.empty()}});
  for (const auto& scale : importer::answer_scales())
    scales.push_back({{"value", scale.name}, {"label", scale.name}, {"selected", scale.name == followup.scale}});
  return {{"columns", columns},         {"has_columns", !columns.empty()}, {"scales", scales},
          {"scale_id", scale_field(index)}, {"scale_name", scale_field(index)}, {"scale", followup.scale}};
}

std::vector<importer::ReadOptions> posted_choices(const http::Form& form,
                                                  std::size_t files) {
  std::vector<importer::ReadOptions> out(files);
  for (std::size_t f = 0; f < files; ++f) {
    for (std::size_t c = 0; c < kMaxColumns; ++c) {
      if (!form.contains(header_field(f, c))) break;
      const std::string header = http::form_value(form, header_field(f, c));
      auto role = importer::role_named(http::form_value(form, role_field(f, c)));
      if (!header.empty() && role) out[f].columns.push_back({header, *role});
    }
    if (const auto* scale = importer::scale_named(http::form_value(form, scale_field(f)))) out[f].scale = scale->name;
  }
  return out;
}

}  // namespace uppsikt::web
