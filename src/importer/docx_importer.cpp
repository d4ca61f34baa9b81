#include "importer/docx_importer.h"

#include "core/text.h"
#include "importer/docx_body.h"
#include "importer/docx_package.h"
#include "importer/line_rules.h"
#include "importer/table_row.h"

namespace uppsikt::importer {
namespace {

constexpr std::size_t kMaxLevels = 4;

CellLine cell_line(const DocxParagraph& p) {
  return {p.text, p.index, 0, "Stycke " + std::to_string(p.index)};
}

// Each paragraph of a cell is a paragraph of the question or comment: a break goes between.
std::vector<CellLine> cell_lines(const std::vector<const DocxCell*>& cells) {
  std::vector<CellLine> out;
  for (const DocxCell* cell : cells) {
    for (const DocxParagraph& p : *cell) {
      if (!out.empty()) out.push_back({"", p.index, 0, ""});
      out.push_back(cell_line(p));
    }
  }
  return out;
}

std::string cell_text(const DocxCell& cell) {
  std::string out;
  for (const auto& p : cell) out += p.text + " ";
  return collapse_space(out);
}

class DocxReader {
 public:
  FollowUp read(const std::vector<DocxBlock>& blocks) {
    for (const DocxBlock& block : blocks) {
      if (const auto* p = std::get_if<DocxParagraph>(&block)) read_paragraph(*p);
      else read_table(std::get<DocxTable>(block));
    }
    return std::move(out_);
  }

 private:
  void read_paragraph(const DocxParagraph& p) {
    if (is_blank(p.text) || is_table_header(p.text)) return;
    if (read_heading(p)) return;
    warn_line(cell_line(p), "texten står utanför tabellen och är ingen numrerad rubrik; den har hoppats över", out_);
  }

  // A heading takes the number written in its text; a heading style without one (Word's
  // automatic numbering is not in the text) gets the number its level implies.
  bool read_heading(const DocxParagraph& p) {
    auto written = parse_heading_line(p.text);
    if (written && (p.heading_level > 0 || plausible_next_section(section_, written->number))) {
      open_section(written->number, std::string(written->title));
      return true;
    }
    if (p.heading_level == 0 || static_cast<std::size_t>(p.heading_level) > kMaxLevels) return false;
    SectionNumber number = section_;
    number.resize(static_cast<std::size_t>(p.heading_level), 0);
    ++number.back();
    open_section(number, collapse_space(p.text));
    return true;
  }

  void open_section(SectionNumber number, std::string title) {
    section_ = std::move(number);
    out_.sections.push_back({format_section_number(section_), std::move(title)});
  }

  void read_table(const DocxTable& table) {
    for (const DocxTableRow& row : table.rows) read_row(row);
  }

  void read_row(const DocxTableRow& row) {
    if (row.empty() || is_header_row(row)) return;
    // A row merged over both columns is a heading or a note inside the table.
    if (row.size() == 1) {
      for (const auto& p : row.front()) read_paragraph(p);
      return;
    }
    std::vector<const DocxCell*> answer_cells;
    for (std::size_t i = 1; i < row.size(); ++i) answer_cells.push_back(&row[i]);
    TableRow table_row{cell_lines({&row.front()}), cell_lines(answer_cells)};
    if (all_blank(table_row)) return;
    read_table_row(table_row, format_section_number(section_), out_);
  }

  static bool is_header_row(const DocxTableRow& row) {
    return is_table_header(cell_text(row.front())) || (row.size() > 1 && is_table_header(cell_text(row[1])));
  }

  static bool all_blank(const TableRow& row) {
    for (const auto* cell : {&row.question, &row.answer})
      for (const auto& line : *cell)
        if (!is_blank(line.text)) return false;
    return true;
  }

  SectionNumber section_;
  FollowUp out_;
};

}  // namespace

FollowUp parse_docx(std::string_view bytes) {
  return DocxReader().read(read_docx_body(read_docx_part(bytes, "word/document.xml")));
}

}  // namespace uppsikt::importer
