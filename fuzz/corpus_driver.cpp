// A main() for builds without libFuzzer (g++, or clang without UPPSIKT_FUZZ): runs the
// fuzz target once over every file named on the command line or found under a directory
// named there, so that `make test` replays each seed corpus. A crash, a sanitizer error or
// an exception that escapes the target ends the process, and so fails the test; otherwise
// it prints "N inputs, 0 crashes" and exits 0.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<char> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The files under `path` (or `path` itself), sorted so that runs are repeatable.
std::vector<fs::path> inputs_of(const fs::path& path, std::error_code& error) {
  std::vector<fs::path> out;
  if (fs::is_directory(path, error)) {
    for (const auto& entry : fs::recursive_directory_iterator(path, error))
      if (entry.is_regular_file()) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
  } else if (fs::is_regular_file(path, error)) {
    out.push_back(path);
  } else if (!error) {
    error = std::make_error_code(std::errc::no_such_file_or_directory);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIRECTORY...\n", argv[0]);
    return 2;
  }
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code error;
    const std::vector<fs::path> files = inputs_of(argv[i], error);
    if (error) {
      std::fprintf(stderr, "%s: %s\n", argv[i], error.message().c_str());
      return 2;
    }
    for (const fs::path& file : files) {
      const std::vector<char> bytes = read_file(file);
      // A buffer of exactly the input's size, as libFuzzer gives, so that AddressSanitizer
      // sees a read past its end.
      const auto data = std::make_unique<uint8_t[]>(bytes.size());
      std::copy(bytes.begin(), bytes.end(), data.get());
      std::fprintf(stderr, "Running %s (%zu bytes)\n", file.c_str(), bytes.size());
      LLVMFuzzerTestOneInput(data.get(), bytes.size());
      ++count;
    }
  }
  if (count == 0) {
    std::fprintf(stderr, "no inputs found\n");
    return 2;
  }
  std::printf("%zu inputs, 0 crashes\n", count);
  return 0;
}
