// `make import-report`: how many fields of each corpus follow-up's answer key an import gets
// right, per file and in all, and the warnings the key does not expect. The corpus test
// requires all of them; this shows how far. Both corpora (corpus::directories()) unless
// directories are named:  uppsikt_import_report [DIR …]
#include <cstdio>
#include <iostream>

#include "corpus.h"

int main(int argc, char** argv) {
  using namespace uppsikt::importer;
  std::vector<std::filesystem::path> dirs(argv + 1, argv + argc);
  if (dirs.empty()) dirs = corpus::directories();
  int right = 0, total = 0;
  bool clean = true;
  std::vector<corpus::Entry> entries;
  for (const auto& dir : dirs)
    for (auto& entry : corpus::entries(dir)) entries.push_back(std::move(entry));
  for (const auto& entry : entries) {
    corpus::Score score;
    std::size_t warnings = 0;
    try {
      const FollowUp followup = corpus::parse_file(entry.file);
      const auto expected = nlohmann::json::parse(corpus::read_file(entry.expected));
      score = corpus::score(followup, expected);
      warnings = followup.warnings.size();
      for (auto& miss : corpus::warning_misses(followup, expected, entry.file.extension().string())) score.misses.push_back(std::move(miss));
    } catch (const std::exception& e) {
      std::cout << entry.file.filename().string() << ": " << e.what() << "\n";
      continue;
    }
    clean = clean && score.misses.empty();
    right += score.right;
    total += score.total;
    std::printf("%-28s %4d / %4d fält rätt (%5.1f %%), %zu varningar\n", entry.file.filename().string().c_str(),
                score.right, score.total, score.total ? 100.0 * score.right / score.total : 100.0, warnings);
    for (const auto& miss : score.misses) std::printf("    %s\n", miss.c_str());
  }
  std::printf("%-28s %4d / %4d fält rätt (%5.1f %%)\n", "totalt", right, total, total ? 100.0 * right / total : 100.0);
  return clean ? 0 : 1;
}
