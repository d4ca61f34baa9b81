// The standalone HTML documents (download, print): a page of its own around a report fragment,
// with the report style sheet inlined so that the file reads the same opened from disk.
#include "core/embedded.h"
#include "report/html_renderer.h"
#include "report/html_text.h"

namespace uppsikt::report {
namespace {

std::string document(const std::string& title, const std::string& fragment) {
  const auto css = embedded::find("report.css");
  return "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_html(title) + "</title>\n<style>\n" + std::string(css.value_or("")) + "</style>\n</head>\n"
         "<body class=\"uppsikt-report-page\">\n<main>\n" + html::heading(1, title) + fragment + "</main>\n</body>\n</html>\n";
}

}  // namespace

std::string render_html_document(const UnitReport& report) {
  return document(report.unit_name + " – " + report.round_name, render_html(report));
}

std::string render_html_document(const CompiledReport& report) {
  return document("Sammanställning – " + report.round_name, render_html(report));
}

}  // namespace uppsikt::report
