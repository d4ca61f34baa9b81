#include "importer/text_blocks.h"

#include <string>
#include <utility>

#include "core/text.h"
#include "importer/column_roles.h"
#include "importer/line_rules.h"

namespace uppsikt::importer {
namespace {

std::vector<std::string> tab_cells(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    cells.push_back(collapse_space(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

bool is_row(std::string_view line) { return line.find('\t') != std::string_view::npos && !is_blank(line); }

// Whether the text is in a layout this reader is for.
bool has_layout(const std::vector<SourceLine>& lines) {
  for (const auto& line : lines) {
    if (is_row(line.text) && header_roles(tab_cells(line.text))) return true;
    // "Förväntat resultat:" is no sign: the two-column layout writes it too.
    if (auto label = label_of(line.text); label && label->role != Role::expected) return true;
  }
  return false;
}

CellLine cell_line(const SourceLine& line, std::string text) {
  return {std::move(text), line.number, 0, "Rad " + std::to_string(line.number)};
}

// Builds a table's rows from tab-separated lines. A cell of several paragraphs is written
// with line breaks inside it, so once a header row has told how many cells a row has, a
// row goes on over further lines until it has them all.
class TabTable {
 public:
  bool empty() const { return table_.rows.empty(); }

  // Whether `line` belongs to the table: a line with a tab, or the rest of an unfinished
  // row (blank lines between its paragraphs too) or of a finished row's last cell, unless
  // it is a numbered heading: then the row lacked its last cells.
  bool takes(std::string_view line) {
    if (is_row(line)) return true;
    if (parse_heading_line(line)) open_ = false;
    if (open_) return true;
    // A finished row's last cell may have more paragraphs, each on a line right under it.
    return !table_.rows.empty() && !is_blank(line) && !parse_heading_line(line);
  }

  void add(const SourceLine& line) {
    std::vector<std::string> cells = tab_cells(line.text);
    // A header's cells are one line each: a line under it begins the first row.
    const bool goes_on = !is_row(line.text) ? !header_last_ : open_ && tabs_ + cells.size() - 1 <= width_;
    header_last_ = false;
    if (goes_on) {
      // The rest of the open row: its first piece goes on in the cell the row stopped in.
      BlockRow& row = table_.rows.back();
      add_text(row.back(), line, std::move(cells.front()), /*paragraph=*/true);
      for (std::size_t i = 1; i < cells.size(); ++i) {
        row.emplace_back();
        add_text(row.back(), line, std::move(cells[i]), false);
      }
      tabs_ += cells.size() - 1;
    } else {
      BlockRow row;
      for (std::string& cell : cells) {
        row.emplace_back();
        add_text(row.back(), line, std::move(cell), false);
      }
      if (auto roles = header_roles(tab_cells(line.text))) {
        width_ = roles->size() - 1;
        header_last_ = true;
      }
      tabs_ = cells.size() - 1;
      table_.rows.push_back(std::move(row));
    }
    open_ = width_ > 0 && tabs_ < width_;
  }

  TableBlock take() {
    open_ = header_last_ = false;
    width_ = tabs_ = 0;
    return std::exchange(table_, {});
  }

 private:
  static void add_text(BlockCell& cell, const SourceLine& line, std::string text, bool paragraph) {
    if (text.empty()) return;
    if (paragraph && !cell.empty()) cell.push_back({"", line.number, 0, ""});
    cell.push_back(cell_line(line, std::move(text)));
  }

  TableBlock table_;
  std::size_t width_ = 0;  // tabs in a whole row, once a header has said; 0 before
  std::size_t tabs_ = 0;   // tabs in the last row so far
  bool open_ = false;      // the last row lacks cells
  bool header_last_ = false;  // the last row is a header row
};

}  // namespace

std::optional<std::vector<Block>> text_blocks(std::string_view text) {
  const std::vector<SourceLine> lines = source_lines(text);
  if (!has_layout(lines)) return std::nullopt;
  std::vector<Block> blocks;
  TabTable table;
  for (const SourceLine& line : lines) {
    if (table.takes(line.text)) {
      table.add(line);
      continue;
    }
    if (!table.empty()) blocks.push_back(table.take());
    blocks.push_back(TextBlock{cell_line(line, std::string(line.text)), 0, false});
  }
  if (!table.empty()) blocks.push_back(table.take());
  return blocks;
}

}  // namespace uppsikt::importer
