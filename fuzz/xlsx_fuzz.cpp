// libFuzzer target for the XLSX importer. Each input is read as a whole .xlsx file, and as
// the first sheet (then as the shared strings) of a workbook made around it, so that the
// fuzzer reaches the XML reading past libzip's CRC check. ImportFailure is the expected
// answer to an unreadable file; any other exception, crash or leak is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../tests/importer/docx_builder.h"
#include "importer/xlsx_importer.h"

namespace {

void parse(std::string_view bytes) {
  using namespace uppsikt::importer;
  try {
    const FollowUp followup = parse_xlsx(bytes);
    (void)to_json(followup);
  } catch (const ImportFailure&) {
  }
}

// A sheet whose cells take their text from the shared strings.
constexpr std::string_view kSheet =
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row></sheetData></worksheet>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using uppsikt::importer::testing_docx::zip_parts;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parse(bytes);
  if (!bytes.starts_with("PK")) {
    parse(zip_parts({{"xl/workbook.xml", "<workbook/>"}, {"xl/worksheets/sheet1.xml", std::string(bytes)}}));
    parse(zip_parts({{"xl/workbook.xml", "<workbook/>"},
                     {"xl/worksheets/sheet1.xml", std::string(kSheet)},
                     {"xl/sharedStrings.xml", std::string(bytes)}}));
  }
  return 0;
}
