#include "importer/docx_body.h"

#include <pugixml.hpp>

#include <cstdint>
#include <optional>

#include "importer/answer_cell.h"
#include "importer/followup.h"
#include "importer/xml_text.h"

namespace uppsikt::importer {
namespace {

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (local_name(c) == name) return c;
  return {};
}

std::string_view attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view full = a.name();
    const auto colon = full.find(':');
    if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) return a.value();
  }
  return {};
}

bool on(std::string_view value) { return value.empty() || value == "1" || value == "true" || value == "on"; }

// A content-control check box (w14:checkbox) states its value in w14:checked; the glyph
// inside is only how Word draws it.
std::optional<bool> content_control_box(const pugi::xml_node& sdt) {
  const pugi::xml_node box = child(child(sdt, "sdtPr"), "checkbox");
  if (!box) return std::nullopt;
  const pugi::xml_node checked = child(box, "checked");
  return checked && on(attribute(checked, "val"));
}

// An old form-field check box: w:fldChar/w:ffData/w:checkBox with w:checked or w:default.
std::optional<bool> form_field_box(const pugi::xml_node& fld_char) {
  const pugi::xml_node box = child(child(fld_char, "ffData"), "checkBox");
  if (!box) return std::nullopt;
  if (const pugi::xml_node checked = child(box, "checked")) return on(attribute(checked, "val"));
  const pugi::xml_node fallback = child(box, "default");
  return fallback && on(attribute(fallback, "val"));
}

void append_box(bool checked, std::string& out) {
  out += checked ? kCheckedBox : kUncheckedBox;
  out += ' ';
}

void collect_text(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c : node.children()) {
    const std::string_view name = local_name(c);
    if (name == "t") {
      out += c.text().get();
    } else if (name == "tab" || name == "br" || name == "cr") {
      out += ' ';
    } else if (name == "instrText" || name == "delText" || name == "pPr" || name == "rPr") {
      continue;  // field codes, deleted text and formatting are not content
    } else if (name == "Fallback") {
      continue;  // mc:AlternateContent holds a text box twice: as drawn (Choice) and for older readers
    } else if (name == "fldChar") {
      if (auto box = form_field_box(c)) append_box(*box, out);
    } else if (name == "sdt") {
      if (auto box = content_control_box(c)) append_box(*box, out);
      else collect_text(child(c, "sdtContent"), out);
    } else {
      collect_text(c, out);
    }
  }
}

// "Heading2", "Rubrik2", "heading 2" → 2; or the paragraph's own outline level + 1.
int heading_level(const pugi::xml_node& paragraph) {
  const pugi::xml_node properties = child(paragraph, "pPr");
  const std::string_view style = attribute(child(properties, "pStyle"), "val");
  for (std::string_view prefix : {"Heading", "heading", "Rubrik", "rubrik"}) {
    if (!style.starts_with(prefix)) continue;
    std::string_view rest = style.substr(prefix.size());
    if (rest.starts_with(' ')) rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  const std::string_view outline = attribute(child(properties, "outlineLvl"), "val");
  if (outline.size() == 1 && outline[0] >= '0' && outline[0] <= '8') return outline[0] - '0' + 1;
  return 0;
}

// The readers below recurse once per level of element nesting. Word nests a few dozen
// levels at most (tables in tables, content controls); a crafted document of a few KB
// can nest hundreds of thousands and overflow the stack, so deeper ones are refused.
// Found by fuzzing: a 3 KB .docx crashed the process.
constexpr int kMaxDepth = 256;

struct DepthCheck : pugi::xml_tree_walker {
  bool for_each(pugi::xml_node&) override { return depth() < kMaxDepth; }
};

class BodyReader {
 public:
  std::vector<DocxBlock> read(const pugi::xml_node& body) {
    read_blocks(body);
    return std::move(blocks_);
  }

 private:
  // Block-level content controls (w:sdt) and custom XML wrap paragraphs and tables.
  void read_blocks(const pugi::xml_node& container) {
    for (pugi::xml_node c : container.children()) {
      const std::string_view name = local_name(c);
      if (name == "p") blocks_.push_back(paragraph(c));
      else if (name == "tbl") blocks_.push_back(table(c));
      else if (name == "sdt") read_blocks(child(c, "sdtContent"));
      else if (name == "customXml") read_blocks(c);
    }
  }

  DocxParagraph paragraph(const pugi::xml_node& p) {
    DocxParagraph out;
    out.index = ++paragraphs_;
    out.heading_level = heading_level(p);
    collect_text(p, out.text);
    out.text = well_formed_utf8(std::move(out.text));
    return out;
  }

  DocxTable table(const pugi::xml_node& tbl) {
    DocxTable out;
    for_each_named(tbl, "tr", [&](const pugi::xml_node& tr) {
      DocxTableRow row;
      std::vector<int> spans;
      for_each_named(tr, "tc", [&](const pugi::xml_node& tc) {
        DocxCell cell;
        read_cell(tc, cell);
        row.push_back(std::move(cell));
        spans.push_back(grid_columns(attribute(child(child(tc, "tcPr"), "gridSpan"), "val")));
      });
      const int before = grid_columns(attribute(child(child(tr, "trPr"), "gridBefore"), "val"), 0);
      out.rows.push_back(on_the_grid(std::move(row), spans, before));
    });
    return out;
  }

  // How many of the table's grid columns a cell covers (w:gridSpan) or a row leaves out
  // before its first cell (w:gridBefore).
  static int grid_columns(std::string_view value, int fallback = 1) {
    int n = 0;
    for (char c : value) {
      if (c < '0' || c > '9' || n > 63) return fallback;
      n = n * 10 + (c - '0');
    }
    return value.empty() ? fallback : n;
  }

  // A row's cells at their columns: a cell merged over several columns is followed by empty
  // ones, so that the cells after it stay under their headers. A row of one cell is merged
  // over the whole table (a heading inside it) and stays one cell.
  static DocxTableRow on_the_grid(DocxTableRow row, const std::vector<int>& spans, int before) {
    if (row.size() < 2) return row;
    DocxTableRow out(static_cast<std::size_t>(before));
    for (std::size_t i = 0; i < row.size(); ++i) {
      out.push_back(std::move(row[i]));
      for (int extra = 1; extra < spans[i]; ++extra) out.emplace_back();
    }
    return out;
  }

  // A table nested in a cell gives its paragraphs to the cell, in reading order.
  void read_cell(const pugi::xml_node& container, DocxCell& cell) {
    for (pugi::xml_node c : container.children()) {
      const std::string_view name = local_name(c);
      if (name == "p") cell.push_back(paragraph(c));
      else if (name == "tbl" || name == "tr" || name == "tc" || name == "sdt" || name == "sdtContent" ||
               name == "customXml")
        read_cell(c, cell);
    }
  }

  // Rows and cells may sit inside content controls too.
  template <typename F>
  void for_each_named(const pugi::xml_node& container, std::string_view name, F&& f) {
    for (pugi::xml_node c : container.children()) {
      if (local_name(c) == name) f(c);
      else if (local_name(c) == "sdt") for_each_named(child(c, "sdtContent"), name, f);
      else if (local_name(c) == "customXml") for_each_named(c, name, f);
    }
  }

  std::vector<DocxBlock> blocks_;
  int paragraphs_ = 0;
};

}  // namespace

std::vector<DocxBlock> read_docx_body(std::string_view document_xml) {
  pugi::xml_document document;
  // parse_default leaves DOCTYPE and entity declarations unparsed: nothing is expanded.
  const auto result =
      document.load_buffer(document_xml.data(), document_xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result)
    throw ImportFailure(std::string("Word-dokumentets innehåll (word/document.xml) är skadat: ") +
                        result.description());
  DepthCheck depth;  // pugixml walks the tree without recursion
  if (!document.traverse(depth))
    throw ImportFailure("Word-dokumentet är för djupt nästlat och har inte lästs");
  const pugi::xml_node body = child(child(document, "document"), "body");
  if (!body) throw ImportFailure("Word-dokumentet saknar brödtext (w:body)");
  return BodyReader().read(body);
}

}  // namespace uppsikt::importer
