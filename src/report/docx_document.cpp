#include "report/docx_document.h"

#include <pugixml.hpp>

#include <algorithm>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "report/docx_package.h"
#include "report/plain_text.h"

namespace uppsikt::report::docx {
namespace {

constexpr int kTextWidth = 9638;  // twips: A4 (11906) less two 2 cm margins
constexpr const char* kHeaderFill = "E7E6E6";

std::vector<std::string_view> split(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> parts;
  for (std::size_t at; (at = s.find(separator)) != std::string_view::npos; s.remove_prefix(at + separator.size()))
    parts.push_back(s.substr(0, at));
  parts.push_back(s);
  return parts;
}

void set(pugi::xml_node node, const char* attribute, const char* value) { node.append_attribute(attribute) = value; }

pugi::xml_node child_with_val(pugi::xml_node parent, const char* name, const char* value) {
  pugi::xml_node n = parent.append_child(name);
  set(n, "w:val", value);
  return n;
}

// Runs for one line of text: tabs become <w:tab/>, the rest <w:t> (pugixml escapes it).
void append_runs(pugi::xml_node p, std::string_view line, const Paragraph& style) {
  pugi::xml_node r = p.append_child("w:r");
  if (style.bold || style.italic) {
    pugi::xml_node rpr = r.append_child("w:rPr");
    if (style.bold) rpr.append_child("w:b");
    if (style.italic) rpr.append_child("w:i");
  }
  const auto pieces = split(line, "\t");
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) r.append_child("w:tab");
    if (pieces[i].empty()) continue;
    pugi::xml_node t = r.append_child("w:t");
    set(t, "xml:space", "preserve");
    t.append_child(pugi::node_pcdata).set_value(std::string(pieces[i]).c_str());
  }
}

// The paragraphs of `text` (split at blank lines), lines within them split by <w:br/>.
void append_paragraphs(pugi::xml_node parent, const Paragraph& paragraph, const char* style = nullptr) {
  const std::string clean = printable(paragraph.text);
  for (std::string_view block : split(clean, "\n\n")) {
    pugi::xml_node p = parent.append_child("w:p");
    if (style) child_with_val(p.append_child("w:pPr"), "w:pStyle", style);
    const auto lines = split(block, "\n");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) p.append_child("w:r").append_child("w:br");
      append_runs(p, lines[i], paragraph);
    }
  }
}

std::vector<int> column_widths(const std::vector<double>& relative) {
  const double sum = std::accumulate(relative.begin(), relative.end(), 0.0);
  std::vector<int> widths;
  for (double r : relative) widths.push_back(static_cast<int>(kTextWidth * r / sum));
  return widths;
}

void append_row(pugi::xml_node tbl, const std::vector<Cell>& cells, const std::vector<int>& widths, bool header) {
  pugi::xml_node tr = tbl.append_child("w:tr");
  if (header) tr.append_child("w:trPr").append_child("w:tblHeader");
  for (std::size_t c = 0; c < widths.size(); ++c) {
    pugi::xml_node tc = tr.append_child("w:tc");
    pugi::xml_node tcpr = tc.append_child("w:tcPr");
    pugi::xml_node tcw = tcpr.append_child("w:tcW");
    set(tcw, "w:w", std::to_string(widths[c]).c_str());
    set(tcw, "w:type", "dxa");
    if (header) {
      pugi::xml_node shd = tcpr.append_child("w:shd");
      set(shd, "w:val", "clear");
      set(shd, "w:color", "auto");
      set(shd, "w:fill", kHeaderFill);
    }
    const bool empty = c >= cells.size() || cells[c].empty();
    if (empty) tc.append_child("w:p");  // every cell needs a paragraph
    if (empty) continue;
    for (const Paragraph& p : cells[c]) append_paragraphs(tc, Paragraph{p.text, p.bold || header, p.italic});
  }
}

}  // namespace

struct Document::Impl {
  std::string title;
  pugi::xml_document xml;
  pugi::xml_node body;
  bool finished = false;

  explicit Impl(std::string_view t) : title(printable(t)) {
    pugi::xml_node decl = xml.append_child(pugi::node_declaration);
    set(decl, "version", "1.0");
    set(decl, "encoding", "UTF-8");
    set(decl, "standalone", "yes");
    pugi::xml_node root = xml.append_child("w:document");
    set(root, "xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
    set(root, "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    body = root.append_child("w:body");
  }

  void section_properties() {
    pugi::xml_node sect = body.append_child("w:sectPr");
    pugi::xml_node footer = sect.append_child("w:footerReference");
    set(footer, "w:type", "default");
    set(footer, "r:id", "rIdFooter1");
    pugi::xml_node size = sect.append_child("w:pgSz");
    set(size, "w:w", "11906");
    set(size, "w:h", "16838");
    pugi::xml_node margins = sect.append_child("w:pgMar");
    for (auto [name, value] : {std::pair{"w:top", "1417"}, {"w:right", "1134"}, {"w:bottom", "1417"}, {"w:left", "1134"},
                               {"w:header", "708"}, {"w:footer", "708"}, {"w:gutter", "0"}})
      set(margins, name, value);
  }
};

Document::Document(std::string_view title) : impl_(std::make_unique<Impl>(title)) {}
Document::~Document() = default;

void Document::title(std::string_view text) { append_paragraphs(impl_->body, Paragraph{std::string(text)}, "Title"); }

void Document::heading(int level, std::string_view text) {
  const std::string style = "Heading" + std::to_string(std::clamp(level, 1, 3));
  append_paragraphs(impl_->body, Paragraph{std::string(text)}, style.c_str());
}

void Document::paragraph(const Paragraph& paragraph) { append_paragraphs(impl_->body, paragraph); }

void Document::table(const Table& table) {
  const std::vector<int> widths = column_widths(table.widths);
  pugi::xml_node tbl = impl_->body.append_child("w:tbl");
  pugi::xml_node tblpr = tbl.append_child("w:tblPr");
  child_with_val(tblpr, "w:tblStyle", "Tabell");
  pugi::xml_node tblw = tblpr.append_child("w:tblW");
  set(tblw, "w:w", "5000");
  set(tblw, "w:type", "pct");
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (int w : widths) set(grid.append_child("w:gridCol"), "w:w", std::to_string(w).c_str());
  if (!table.header.empty()) append_row(tbl, table.header, widths, true);
  for (const auto& row : table.rows) append_row(tbl, row, widths, false);
  impl_->body.append_child("w:p");  // Word needs a paragraph between two tables
}

void Document::page_break() {
  pugi::xml_node br = impl_->body.append_child("w:p").append_child("w:r").append_child("w:br");
  set(br, "w:type", "page");
}

std::string Document::finish() {
  if (impl_->finished) throw std::logic_error("docx::Document::finish called twice");
  impl_->finished = true;
  impl_->section_properties();
  std::ostringstream out;
  impl_->xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return package(impl_->title, out.str());
}

}  // namespace uppsikt::report::docx
