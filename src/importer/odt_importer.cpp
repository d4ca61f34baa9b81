#include "importer/odt_importer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "importer/block_reader.h"
#include "importer/docx_package.h"
#include "importer/xml_text.h"

namespace uppsikt::importer {
namespace {

// Writer nests lists, sections and tables a few dozen levels at most (see docx_body.cpp).
constexpr int kMaxDepth = 256;
// A run of spaces (text:s c="…") longer than this is a crafted file, not a document.
constexpr long kMaxSpaces = 1000;

void collect_text(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    const std::string_view name = local_name(c);
    if (name == "s") {
      const long n = std::strtol(c.attribute("text:c").as_string("1"), nullptr, 10);
      out.append(static_cast<std::size_t>(std::clamp(n, 1L, kMaxSpaces)), ' ');
    } else if (name == "tab" || name == "line-break") {
      out += ' ';
    } else if (name == "note" || name == "annotation" || name == "tracked-changes") {
      continue;  // footnotes, comments and deleted text are not the document's text
    } else {
      collect_text(c, out);
    }
  }
}

class OdtReader {
 public:
  std::vector<Block> read(const pugi::xml_node& text) {
    read_container(text);
    return std::move(blocks_);
  }

 private:
  // Lists, sections and the like wrap paragraphs; their paragraphs are read in order.
  void read_container(const pugi::xml_node& container) {
    for (pugi::xml_node c : container.children()) {
      const std::string_view name = local_name(c);
      if (name == "p" || name == "h") blocks_.push_back(TextBlock{paragraph(c), heading_level(c), true});
      else if (name == "table") blocks_.push_back(table(c));
      else if (name == "tracked-changes" || name == "sequence-decls") continue;
      else read_container(c);
    }
  }

  static int heading_level(const pugi::xml_node& node) {
    if (local_name(node) != "h") return 0;
    const int level = node.attribute("text:outline-level").as_int(1);
    return level >= 1 && level <= 9 ? level : 1;
  }

  CellLine paragraph(const pugi::xml_node& p) {
    std::string text;
    collect_text(p, text);
    const int index = ++paragraphs_;
    return {well_formed_utf8(std::move(text)), index, 0, "Stycke " + std::to_string(index)};
  }

  TableBlock table(const pugi::xml_node& node) {
    TableBlock out;
    read_rows(node, out);
    return out;
  }

  // Rows stand in the table or in its header-rows, row-group and rows wrappers.
  void read_rows(const pugi::xml_node& node, TableBlock& out) {
    for (pugi::xml_node c : node.children()) {
      const std::string_view name = local_name(c);
      if (name == "table-row") out.rows.push_back(row(c));
      else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") read_rows(c, out);
    }
  }

  // A cell merged over several columns is followed by covered cells; they stay, empty, so
  // that the cells after it stay under their headers. A row with one cell of its own is
  // merged over the whole table (a heading inside it) and stays one cell.
  BlockRow row(const pugi::xml_node& tr) {
    BlockRow out;
    BlockRow own;
    for (pugi::xml_node c : tr.children()) {
      const std::string_view name = local_name(c);
      if (name == "covered-table-cell") {
        out.emplace_back();  // the cell merged into its neighbour holds the text
      } else if (name == "table-cell") {
        BlockCell cell;
        read_cell(c, cell);
        out.push_back(cell);
        own.push_back(std::move(cell));
      }
    }
    return own.size() < 2 ? own : out;
  }

  void read_cell(const pugi::xml_node& container, BlockCell& cell) {
    for (pugi::xml_node c : container.children()) {
      const std::string_view name = local_name(c);
      if (name == "p" || name == "h") {
        CellLine line = paragraph(c);
        if (!cell.empty()) cell.push_back({"", line.line, 0, ""});
        cell.push_back(std::move(line));
      } else if (name != "annotation") {
        read_cell(c, cell);
      }
    }
  }

  std::vector<Block> blocks_;
  int paragraphs_ = 0;
};

}  // namespace

FollowUp parse_odt(std::string_view bytes, const ReadOptions& options) {
  DocxLimits limits;
  limits.name = "OpenDocument-texten";
  limits.not_this = "ingen OpenDocument-text (.odt)";
  const std::string xml = read_docx_part(bytes, "content.xml", limits);
  pugi::xml_document document;
  load_xml(document, xml, "OpenDocument-textens innehåll (content.xml)", kMaxDepth);
  const pugi::xml_node text = document.child("office:document-content").child("office:body").child("office:text");
  if (!text) throw ImportFailure("OpenDocument-filen saknar brödtext (office:text); är den ett kalkylark?");
  return read_blocks(OdtReader().read(text), options);
}

}  // namespace uppsikt::importer
