#pragma once
// One entry for every report format: a report and a format in, the bytes with the content
// type and a file name to download them as. The command line and the web pages both call this.
#include <optional>
#include <string>
#include <string_view>

#include "report/model.h"

namespace uppsikt::report {

enum class Format { html, pdf, docx, xlsx, csv, json };

// "html", "pdf", "docx", "xlsx", "csv", "json"; nothing for anything else.
std::optional<Format> format_from_code(std::string_view code);
std::string_view to_code(Format format);
// The formats' codes as a user reads them in an error: "html, pdf, docx, xlsx, csv, json".
std::string_view format_codes();

struct Exported {
  std::string bytes;
  std::string content_type;  // "text/csv; charset=utf-8" …
  std::string file_name;     // ASCII only: "uppfoljning-2024-miljoforvaltningen.csv"
};

// Renders `report` in `format`. Throws ReportError (Swedish message) when the format cannot
// be made here.
Exported export_report(const UnitReport& report, Format format);
Exported export_report(const CompiledReport& report, Format format);

// `text` as a file-name part: lower-case ASCII letters and digits, å ä → a, ö → o, é → e,
// other runs → '-'. "Uppföljning 2024" → "uppfoljning-2024".
std::string file_slug(std::string_view text);

}  // namespace uppsikt::report
