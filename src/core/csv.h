#pragma once
// CSV as Swedish Excel opens it: semicolon between fields, CRLF between records, UTF-8 with
// a byte-order mark, quotes only where needed. Cells that a spreadsheet would run as a
// formula (starting with = + - @, tab or CR) are neutralised with a leading apostrophe.
#include <initializer_list>
#include <string>
#include <string_view>

namespace uppsikt::csv {

inline constexpr std::string_view bom = "\xEF\xBB\xBF";

// `cell` made safe to show in a spreadsheet: prefixed with ' when it would start a formula.
std::string neutralise(std::string_view cell);

// One field, neutralised and quoted when it holds ; " CR or LF.
std::string field(std::string_view cell);

// One record: fields joined by ';' and ended by CRLF.
std::string record(std::initializer_list<std::string_view> cells);

}  // namespace uppsikt::csv
