// libFuzzer target for the DOCX importer. Each input is read twice: as a whole .docx file,
// and as the word/document.xml of a .docx made around it. The second way lets the fuzzer
// reach the XML reading: mutations of an archive's entries almost never get past libzip's
// CRC check. ImportFailure is the expected answer to an unreadable file; any other
// exception, crash or leak is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../tests/importer/docx_builder.h"
#include "importer/docx_importer.h"

namespace {

void parse(std::string_view bytes) {
  using namespace uppsikt::importer;
  try {
    const FollowUp followup = parse_docx(bytes);
    (void)to_json(followup);
  } catch (const ImportFailure&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parse(bytes);
  // A zip archive starts "PK"; anything else may be the XML itself.
  if (!bytes.starts_with("PK"))
    parse(uppsikt::importer::testing_docx::zip_parts({{"word/document.xml", std::string(bytes)}}));
  return 0;
}
