#include "report/export.h"

#include <array>

#include "report/csv_renderer.h"
#include "report/docx_renderer.h"
#include "report/html_renderer.h"
#include "report/json_renderer.h"
#include "report/pdf_renderer.h"
#include "report/report_error.h"
#include "report/xlsx_renderer.h"

namespace uppsikt::report {
namespace {

struct FormatInfo {
  Format format;
  std::string_view code;
  std::string_view content_type;
};
constexpr std::array<FormatInfo, 6> kFormats{{
    {Format::html, "html", "text/html; charset=utf-8"},
    {Format::pdf, "pdf", "application/pdf"},
    {Format::docx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {Format::xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {Format::csv, "csv", "text/csv; charset=utf-8"},
    {Format::json, "json", "application/json"},
}};

const FormatInfo& info(Format format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f;
  return kFormats[0];
}

template <typename Report>
std::string render(const Report& report, Format format) {
  switch (format) {
    case Format::html: return render_html_document(report);
    case Format::pdf: return render_pdf(report);
    case Format::docx: return render_docx(report);
    case Format::xlsx: return render_xlsx(report);
    case Format::csv: return render_csv(report);
    case Format::json: return render_json(report);
  }
  throw ReportError("okänt format");
}

Exported exported(std::string bytes, Format format, const std::string& stem) {
  const auto& f = info(format);
  return {std::move(bytes), std::string(f.content_type), stem + "." + std::string(f.code)};
}

}  // namespace

std::optional<Format> format_from_code(std::string_view code) {
  for (const auto& f : kFormats)
    if (f.code == code) return f.format;
  return std::nullopt;
}

std::string_view to_code(Format format) { return info(format).code; }

std::string_view format_codes() { return "html, pdf, docx, xlsx, csv, json"; }

Exported export_report(const UnitReport& report, Format format) {
  return exported(render(report, format), format,
                  file_slug(report.round_name) + "-" + file_slug(report.unit_name));
}

Exported export_report(const CompiledReport& report, Format format) {
  return exported(render(report, format), format, file_slug(report.round_name) + "-sammanstallning");
}

std::string file_slug(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char>, 10> kLetters{{
      {"å", 'a'}, {"ä", 'a'}, {"ö", 'o'}, {"Å", 'a'}, {"Ä", 'a'}, {"Ö", 'o'},
      {"é", 'e'}, {"É", 'e'}, {"ü", 'u'}, {"Ü", 'u'}}};
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    std::size_t used = 1;
    char letter = 0;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letter = c;
    else if (c >= 'A' && c <= 'Z') letter = static_cast<char>(c - 'A' + 'a');
    else
      for (const auto& [utf8, ascii] : kLetters)
        if (text.substr(i).starts_with(utf8)) { letter = ascii; used = utf8.size(); break; }
    i += used;
    if (letter == 0) { dash = !out.empty(); continue; }
    if (dash) out += '-';
    dash = false;
    out += letter;
  }
  return out.empty() ? "rapport" : out;
}

}  // namespace uppsikt::report
