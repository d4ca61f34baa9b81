#pragma once
// The parts of a .docx around its document.xml (content types, relationships, styles,
// footer with page numbers, properties with title and language sv-SE), zipped together.
#include <string>
#include <string_view>

namespace uppsikt::report::docx {

std::string package(std::string_view title, const std::string& document_xml);

}  // namespace uppsikt::report::docx
