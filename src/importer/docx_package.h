#pragma once
// Takes one part (an XML file) out of a DOCX package, which is a zip archive, without ever
// unpacking more than the limits below: a zip bomb is refused, not inflated.
#include <cstddef>
#include <string>
#include <string_view>

namespace uppsikt::importer {

struct DocxLimits {
  // A follow-up has a few dozen entries; tens of thousands is a crafted archive.
  std::size_t max_entries = 10'000;
  // document.xml of a long follow-up is a few MB; beyond this it is refused unread.
  std::size_t max_part_bytes = 64u << 20;
  // How messages name the package: .odt and .xlsx files are zip packages of XML parts too.
  std::string name = "Word-dokumentet";
  std::string not_this = "inget Word-dokument (.docx)";
};

// The uncompressed bytes of `part` ("word/document.xml"). Throws ImportFailure (Swedish
// message) when the bytes are no zip archive, the part is missing or encrypted, or a limit
// is passed.
std::string read_docx_part(std::string_view bytes, const char* part, const DocxLimits& limits = {});

}  // namespace uppsikt::importer
