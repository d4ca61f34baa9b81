#pragma once
// Text from users made safe to print in any document format: valid UTF-8 and no characters
// that XML forbids or that a PDF viewer would show as boxes.
#include <string>
#include <string_view>

namespace uppsikt::report {

// `s` with invalid UTF-8 replaced by U+FFFD, "\r\n" and "\r" turned into "\n", and control
// characters other than tab and newline, U+FFFE and U+FFFF dropped.
std::string printable(std::string_view s);

}  // namespace uppsikt::report
