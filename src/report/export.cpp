#include "report/export.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

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
  // ICU's transliteration to ASCII: Swedish letters and the names of any other language
  // (Łódź, Ærø, Ürümqi) keep their letters rather than dropping them. A transliterator is
  // not to be shared between threads; each thread keeps its own.
  thread_local const std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (to_ascii) to_ascii->transliterate(unicode);
  std::string ascii;
  unicode.toUTF8String(ascii);
  std::string out;
  bool dash = false;
  for (char c : ascii) {
    const bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!kept) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += c;
  }
  return out.empty() ? "rapport" : out;
}

}  // namespace uppsikt::report
