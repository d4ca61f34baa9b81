#pragma once
// What the readers of zipped XML documents (.docx, .odt, .xlsx) share: names without their
// namespace prefix, text made well-formed UTF-8, and a parse that refuses crafted nesting.
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace uppsikt::importer {

// "w:p" → "p": a package may bind other prefixes than the usual ones.
std::string_view local_name(const pugi::xml_node& node);

// Every ill-formed UTF-8 sequence as U+FFFD: pugixml passes a damaged file's bytes, or a
// character reference to a surrogate, through unchecked, and the database and to_json
// need UTF-8.
std::string well_formed_utf8(std::string text);

// Parses `xml` into `document` without expanding DTD entities or fetching anything; throws
// ImportFailure naming `what` when it is malformed or nests deeper than `max_depth`.
void load_xml(pugi::xml_document& document, std::string_view xml, const std::string& what, int max_depth);

}  // namespace uppsikt::importer
