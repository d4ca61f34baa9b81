// libFuzzer target for the text importer: any bytes are a text to read. parse_text must
// take any bytes without a crash. Its callers hand it UTF-8 only (service/import_file.cpp
// refuses other text), and from UTF-8 it must make UTF-8: to_json throws on anything else,
// so it runs on those inputs. The text importer never refuses its input, so nothing is
// caught here: an exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importer/text_importer.h"

namespace {

// Well-formed UTF-8 as nlohmann::json checks it: no stray continuation bytes, no
// truncated sequences, no overlong forms, surrogates or code points past U+10FFFF.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the byte after the first
    if (c < 0x80) extra = 0;
    else if (c >= 0xC2 && c <= 0xDF) extra = 1;
    else if (c == 0xE0) extra = 2, lo = 0xA0;
    else if (c == 0xED) extra = 2, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) extra = 2;
    else if (c == 0xF0) extra = 3, lo = 0x90;
    else if (c == 0xF4) extra = 3, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) extra = 3;
    else return false;
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace uppsikt::importer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const FollowUp followup = parse_text(text);
  if (valid_utf8(text)) (void)to_json(followup);
  return 0;
}
