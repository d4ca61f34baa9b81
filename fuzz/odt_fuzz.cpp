// libFuzzer target for the ODT importer. Each input is read twice: as a whole .odt file, and
// as the content.xml of an .odt made around it, so that the fuzzer reaches the XML reading
// (mutations of an archive's entries seldom get past libzip's CRC check). ImportFailure is
// the expected answer to an unreadable file; any other exception, crash or leak is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../tests/importer/docx_builder.h"
#include "importer/odt_importer.h"

namespace {

void parse(std::string_view bytes) {
  using namespace uppsikt::importer;
  try {
    const FollowUp followup = parse_odt(bytes);
    (void)to_json(followup);
  } catch (const ImportFailure&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parse(bytes);
  if (!bytes.starts_with("PK"))
    parse(uppsikt::importer::testing_docx::zip_parts({{"content.xml", std::string(bytes)}}));
  return 0;
}
