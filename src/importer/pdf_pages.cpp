#include "importer/pdf_pages.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

#include "importer/followup.h"

namespace uppsikt::importer {
namespace {

// Poppler prints its complaints about damaged files to stderr; the user gets our message.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::unique_ptr<poppler::document> open_document(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ImportFailure("PDF-filen är för stor");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw ImportFailure("filen är ingen läsbar PDF (den är skadad eller av en annan filtyp)");
  if (doc->is_locked()) throw ImportFailure("PDF-filen är lösenordsskyddad och kan inte läsas");
  return doc;
}

PdfWord word_of(const poppler::text_box& box) {
  const poppler::byte_array utf8 = box.text().to_utf8();
  const poppler::rectf r = box.bbox();
  return {std::string(utf8.begin(), utf8.end()), r.left(), r.top(), r.right(), r.bottom()};
}

double middle(const PdfWord& w) { return (w.top + w.bottom) / 2; }

// Words sorted by their middle; a word joins the line when its middle lies within the
// line's height, so that a column set a point lower still shares the line.
std::vector<PdfLine> group_lines(std::vector<PdfWord> words) {
  std::sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) { return middle(a) < middle(b); });
  std::vector<PdfLine> lines;
  for (PdfWord& w : words) {
    const bool joins = !lines.empty() && middle(w) < lines.back().bottom &&
                       std::abs(middle(w) - (lines.back().top + lines.back().bottom) / 2) <
                           0.5 * std::max(w.bottom - w.top, 1.0);
    if (!joins) lines.push_back({{}, w.top, w.bottom, 0});
    PdfLine& line = lines.back();
    line.top = std::min(line.top, w.top);
    line.bottom = std::max(line.bottom, w.bottom);
    line.words.push_back(std::move(w));
  }
  int number = 0;
  for (PdfLine& line : lines) {
    std::sort(line.words.begin(), line.words.end(), [](const PdfWord& a, const PdfWord& b) { return a.left < b.left; });
    line.number = ++number;
  }
  return lines;
}

}  // namespace

std::string line_text(const PdfLine& line) {
  std::string out;
  for (const PdfWord& w : line.words) {
    if (!out.empty()) out += ' ';
    out += w.text;
  }
  return out;
}

std::vector<PdfPage> read_pdf_pages(std::string_view bytes, const PdfLimits& limits) {
  silence_poppler();
  const auto doc = open_document(bytes);
  if (doc->pages() > limits.max_pages)
    throw ImportFailure("PDF-filen har " + std::to_string(doc->pages()) + " sidor; fler än " +
                        std::to_string(limits.max_pages) + " läses inte");
  std::vector<PdfPage> pages;
  bool any_text = false;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    std::vector<PdfWord> words;
    for (const poppler::text_box& box : page->text_list()) {
      PdfWord w = word_of(box);
      if (!w.text.empty()) words.push_back(std::move(w));
    }
    any_text = any_text || !words.empty();
    const poppler::rectf size = page->page_rect();
    pages.push_back({i + 1, size.width(), size.height(), group_lines(std::move(words))});
  }
  if (!any_text)
    throw ImportFailure("PDF-filen innehåller ingen text (är den inskannad?); spara den som text eller Word först");
  return pages;
}

}  // namespace uppsikt::importer
