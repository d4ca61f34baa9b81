// `make import-report`: how many fields of each corpus follow-up's answer key an import gets
// right, per file and in all. The corpus test requires all of them; this shows how far.
#include <cstdio>
#include <iostream>

#include "corpus.h"

int main(int argc, char** argv) {
  using namespace uppsikt::importer;
  const std::filesystem::path dir = argc > 1 ? argv[1] : UPPSIKT_SOURCE_DIR "/tests/importer/corpus";
  int right = 0, total = 0;
  for (const auto& entry : corpus::entries(dir)) {
    corpus::Score score;
    std::size_t warnings = 0;
    try {
      const FollowUp followup = corpus::parse_file(entry.file);
      score = corpus::score(followup, nlohmann::json::parse(corpus::read_file(entry.expected)));
      warnings = followup.warnings.size();
    } catch (const std::exception& e) {
      std::cout << entry.file.filename().string() << ": " << e.what() << "\n";
      continue;
    }
    right += score.right;
    total += score.total;
    std::printf("%-28s %4d / %4d fält rätt (%5.1f %%), %zu varningar\n", entry.file.filename().string().c_str(),
                score.right, score.total, score.total ? 100.0 * score.right / score.total : 100.0, warnings);
    for (const auto& miss : score.misses) std::printf("    %s\n", miss.c_str());
  }
  std::printf("%-28s %4d / %4d fält rätt (%5.1f %%)\n", "totalt", right, total, total ? 100.0 * right / total : 100.0);
  return right == total ? 0 : 1;
}
