#pragma once
// The import corpus (tests/importer/corpus/): each follow-up in several formats beside its
// answer key, and how many of the key's fields an import gets right. Shared by the corpus
// test, which requires every field, and `make import-report`, which prints the counts.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "importer/docx_importer.h"
#include "importer/odt_importer.h"
#include "importer/pdf_importer.h"
#include "importer/text_importer.h"
#include "importer/xlsx_importer.h"

namespace uppsikt::importer::corpus {

inline const std::vector<std::string>& formats() {
  // ".docx.pdf": the PDF printed from the .docx, beside the one printed from the original.
  static const std::vector<std::string> list{".docx", ".odt", ".pdf", ".docx.pdf", ".txt", ".xlsx"};
  return list;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline FollowUp parse_file(const std::filesystem::path& path) {
  const std::string bytes = read_file(path);
  const std::string ext = path.extension().string();
  if (ext == ".docx") return parse_docx(bytes);
  if (ext == ".odt") return parse_odt(bytes);
  if (ext == ".pdf") return parse_pdf(bytes);
  if (ext == ".xlsx") return parse_xlsx(bytes);
  return parse_text(bytes);
}

struct Entry {
  std::filesystem::path file;      // the follow-up in one format
  std::filesystem::path expected;  // its answer key
};

// Every follow-up of the corpus with a key, in every format it is there in, sorted.
inline std::vector<Entry> entries(const std::filesystem::path& dir) {
  std::vector<Entry> out;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    const std::string name = item.path().filename().string();
    const std::string suffix = ".expected.json";
    if (!name.ends_with(suffix)) continue;
    const std::string stem = name.substr(0, name.size() - suffix.size());
    for (const auto& ext : formats())
      if (std::filesystem::exists(dir / (stem + ext))) out.push_back({dir / (stem + ext), item.path()});
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.file < b.file; });
  return out;
}

struct Score {
  int right = 0;
  int total = 0;
  std::vector<std::string> misses;  // "questions[3].comment", for the failure message
};

// Field by field, entry by entry in order: every field of the key is one point; an entry
// the import lacks loses all of its fields.
inline void score_entries(const nlohmann::json& actual, const nlohmann::json& expected, const std::string& what,
                          Score& score) {
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (const auto& [key, value] : expected[i].items()) {
      ++score.total;
      if (i < actual.size() && actual[i].contains(key) && actual[i][key] == value) {
        ++score.right;
      } else {
        std::string got = i < actual.size() && actual[i].contains(key) ? actual[i][key].dump() : "(saknas)";
        std::string want = value.dump();
        // Long texts differ somewhere inside: show them from a little before that place.
        std::size_t at = 0;
        while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
        at = at > 40 ? at - 40 : 0;
        score.misses.push_back(what + "[" + std::to_string(i) + "]." + key + ": …" + got.substr(at, 120) +
                               " i stället för …" + want.substr(at, 120));
      }
    }
  }
  if (actual.size() > expected.size())
    score.misses.push_back(what + ": " + std::to_string(actual.size() - expected.size()) + " för många");
}

// The warnings the key does not allow, and the allowed ones that were not given: an import
// of a corpus follow-up must warn exactly where its key says, as about an empty answer
// cell, and nowhere else. The key's "warnings" holds words each warning must contain, for
// every format; "format_warnings" those for one format ({".pdf": […]}), as a page header
// on a PDF of one page, which nothing tells from a title.
inline std::vector<std::string> warning_misses(const FollowUp& followup, const nlohmann::json& expected,
                                               const std::string& extension) {
  std::vector<std::string> allowed;
  if (expected.contains("warnings"))
    for (const auto& w : expected["warnings"]) allowed.push_back(w.get<std::string>());
  if (expected.contains("format_warnings") && expected["format_warnings"].contains(extension))
    for (const auto& w : expected["format_warnings"][extension]) allowed.push_back(w.get<std::string>());
  std::vector<std::string> out;
  std::vector<bool> seen(allowed.size(), false);
  for (const auto& warning : followup.warnings) {
    bool ok = false;
    for (std::size_t i = 0; i < allowed.size(); ++i)
      if (warning.message.find(allowed[i]) != std::string::npos) ok = seen[i] = true;
    if (!ok) out.push_back("varning: " + warning.message);
  }
  for (std::size_t i = 0; i < allowed.size(); ++i)
    if (!seen[i]) out.push_back("ingen varning om \"" + allowed[i] + "\"");
  return out;
}

inline Score score(const FollowUp& followup, const nlohmann::json& expected) {
  const nlohmann::json actual = nlohmann::json::parse(to_json(followup));
  Score out;
  score_entries(actual["sections"], expected["sections"], "sections", out);
  score_entries(actual["questions"], expected["questions"], "questions", out);
  return out;
}

// The corpora: the first, made with the importer in view (tests/importer/corpus), and a
// second made another way, to keep the importer honest on templates it was not written
// against (tests/importer/corpus_unseen).
inline std::vector<std::filesystem::path> directories() {
  return {UPPSIKT_SOURCE_DIR "/tests/importer/corpus", UPPSIKT_SOURCE_DIR "/tests/importer/corpus_unseen"};
}

}  // namespace uppsikt::importer::corpus
