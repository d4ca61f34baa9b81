// libFuzzer target for the PDF importer: any bytes are a .pdf file. ImportFailure is the
// expected answer to an unreadable file; any other exception, crash or leak is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importer/pdf_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace uppsikt::importer;
  try {
    const FollowUp followup = parse_pdf(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)to_json(followup);
  } catch (const ImportFailure&) {
  }
  return 0;
}
