#pragma once
// The seed follow-up, read from the copy the repository keeps for the demo.
#include <fstream>
#include <sstream>
#include <string>

namespace uppsikt::testing {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string seed_followup() {
  return read_file(std::string(UPPSIKT_SOURCE_DIR) + "/data/demo/miljoforvaltningen-2024.txt");
}

}  // namespace uppsikt::testing
