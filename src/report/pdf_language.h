#pragma once
// Sets the natural language (/Lang) of a finished PDF, which cairo 1.16 has no call for,
// so that screen readers pronounce it as Swedish: the catalog is written again with /Lang
// as an incremental update appended to the file, the way PDF editors change a file.
#include <string>
#include <string_view>

namespace uppsikt::report::pdf {

// `pdf` with /Lang `language` ("sv-SE") in its catalog; unchanged if its structure is not
// the plain one cairo writes (a cross-reference table and a trailer naming the catalog).
std::string with_language(std::string pdf, std::string_view language);

}  // namespace uppsikt::report::pdf
