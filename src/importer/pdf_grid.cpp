#include "importer/pdf_grid.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "importer/column_roles.h"
#include "importer/header_table.h"
#include "importer/line_rules.h"
#include "importer/pdf_hyphen.h"

namespace uppsikt::importer {
namespace {

// Lines drawn this close are one border (a cell's own border beside its neighbour's).
constexpr double kSameLine = 2.0;
// A row is at least this high: lower bands are double borders.
constexpr double kMinRowHeight = 4.0;
// Space above a line beyond this share of its height is a paragraph break, not leading:
// poppler's word boxes are as high as the font's ascent and descent, so that lines of
// single spacing touch or overlap, and Word's 8 pt after a paragraph stands out.
constexpr double kParagraphGap = 0.3;
// Space above a line beyond the page's usual leading by this share of its height is a
// paragraph break too: LibreOffice's and many templates' few points after a paragraph are
// less than kParagraphGap but stand out against the lines of a paragraph, which overlap.
constexpr double kParagraphStep = 0.12;
// A line of one word that ends less than this share of its height before the cell's
// right padding fills the cell: the word went on over the next line.
constexpr double kBrokenWordSlack = 0.4;
// Below this many pairs of lines a page's usual leading is not known.
constexpr std::size_t kMinLeadingSamples = 4;

struct Boundary {
  double at = 0;
  std::vector<PdfSegment> pieces;  // the segments drawn there, for where they reach

  bool covers(double position) const {
    for (const auto& p : pieces)
      if (position >= p.from - kSameLine && position <= p.to + kSameLine) return true;
    return false;
  }

  // Whether the line runs unbroken from `from` (or above) down to `to`: pieces that touch
  // are one line, in whatever order the PDF drew them (a table's whole border, then a
  // header cell's background edge over part of it).
  bool spans(double from, double to) const {
    std::vector<PdfSegment> sorted = pieces;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    auto run_spans = [&](double start, double reach) { return start <= from + kSameLine && reach + kSameLine >= to; };
    double start = 0, reach = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0 && sorted[i].from <= reach + kSameLine) {
        reach = std::max(reach, sorted[i].to);
        continue;
      }
      if (i > 0 && run_spans(start, reach)) return true;
      start = sorted[i].from;
      reach = sorted[i].to;
    }
    return !sorted.empty() && run_spans(start, reach);
  }
};

std::vector<Boundary> cluster(std::vector<PdfSegment> segments) {
  std::sort(segments.begin(), segments.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  std::vector<Boundary> out;
  for (const auto& s : segments) {
    if (out.empty() || s.at - out.back().pieces.back().at > kSameLine) out.push_back({s.at, {}});
    out.back().pieces.push_back(s);
  }
  for (auto& b : out) {
    double sum = 0;
    for (const auto& p : b.pieces) sum += p.at;
    b.at = sum / static_cast<double>(b.pieces.size());
  }
  return out;
}

// A row of a ruled table on a page: between two horizontal lines, cut by vertical ones.
struct GridRow {
  double top = 0, bottom = 0;
  std::vector<double> columns;  // the vertical lines' x, left to right
};

std::vector<GridRow> grid_rows(const PdfRules& rules) {
  const std::vector<Boundary> across = cluster(rules.horizontal);
  const std::vector<Boundary> down = cluster(rules.vertical);
  std::vector<GridRow> rows;
  for (std::size_t i = 0; i + 1 < across.size(); ++i) {
    const double top = across[i].at, bottom = across[i + 1].at;
    if (bottom - top < kMinRowHeight) continue;
    const double middle = (top + bottom) / 2;
    GridRow row{top, bottom, {}};
    for (const auto& d : down)
      if (d.spans(top, middle)) row.columns.push_back(d.at);
    // The row's edges must be drawn between its outer columns, or it is no table row.
    if (row.columns.size() < 2) continue;
    const double mid_x = (row.columns.front() + row.columns.back()) / 2;
    if (!across[i].covers(mid_x) || !across[i + 1].covers(mid_x)) continue;
    rows.push_back(std::move(row));
  }
  return rows;
}

double middle_x(const PdfWord& w) { return (w.left + w.right) / 2; }

std::string where(int page, int line) { return "Sida " + std::to_string(page) + ", rad " + std::to_string(line); }

CellLine cell_line(const std::vector<const PdfWord*>& words, int page, int line) {
  std::string text;
  for (const PdfWord* w : words) text += (text.empty() ? "" : " ") + w->text;
  return {std::move(text), line, page, where(page, line)};
}

// The space between the lines of a paragraph on `page`: the lower quartile of the space
// above each line that stands close under the one before (most pairs of lines are in one
// paragraph, and no paragraph's lines stand closer than its own leading). Empty when the
// page has too few such pairs to tell.
std::optional<double> usual_leading(const PdfPage& page) {
  std::vector<double> gaps;
  for (std::size_t i = 1; i < page.lines.size(); ++i) {
    const double height = page.lines[i].bottom - page.lines[i].top;
    const double gap = page.lines[i].top - page.lines[i - 1].bottom;
    if (gap > -0.5 * height && gap < 0.5 * height) gaps.push_back(gap);
  }
  if (gaps.size() < kMinLeadingSamples) return std::nullopt;
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 4, gaps.end());
  return gaps[gaps.size() / 4];
}

bool paragraph_gap(double gap, double height, std::optional<double> leading) {
  return gap > kParagraphGap * height || (leading && gap > *leading + kParagraphStep * height);
}

// Where a cell's text begins and ends, to tell whether a row a page break cut broke a
// paragraph or between two.
struct CellEdges {
  double inner_right = -1;       // the column's right line less the cell's padding
  double last_right = -1;        // the right end of the cell's last line; -1 when empty
  double first_word_width = -1;  // the width of its first word, and a space
};

// What stands on a page, top to bottom: a line of text outside the tables, or a row.
struct Item {
  double top = 0;
  std::optional<TextBlock> text;
  std::optional<BlockRow> row;
  bool blank_above = false;
  std::vector<CellEdges> edges;  // per cell of the row
};

// Fills the edges of each cell from the row's words.
std::vector<CellEdges> cell_edges(const PdfPage& page, const GridRow& g) {
  std::vector<CellEdges> out(g.columns.size() - 1);
  for (std::size_t c = 0; c + 1 < g.columns.size(); ++c) {
    const PdfWord* first = nullptr;
    const PdfWord* last = nullptr;
    for (const PdfLine& line : page.lines) {
      const double y = (line.top + line.bottom) / 2;
      if (y < g.top || y >= g.bottom) continue;
      for (const PdfWord& w : line.words) {
        if (middle_x(w) < g.columns[c] || middle_x(w) >= g.columns[c + 1]) continue;
        if (!first) first = &w;
        last = &w;
      }
    }
    if (!first) continue;
    const double padding = std::max(0.0, first->left - g.columns[c]);
    out[c] = {g.columns[c + 1] - padding, last->right, first->right - first->left + 0.3 * (first->bottom - first->top)};
  }
  return out;
}

// Whether the rest of a cell on the new page begins a paragraph: its first word would have
// fit on the last line before the break, so that line ended its paragraph.
bool begins_paragraph(const CellEdges& before, const CellEdges& after) {
  if (before.last_right < 0 || after.first_word_width < 0) return false;
  return before.inner_right - before.last_right > after.first_word_width;
}

// The words of `line` inside the row, by cell; each cell's part becomes one line of it.
// Where a cell's last line stands, while its row is read.
struct CellState {
  double last_bottom = -1;  // of its last line; -1 before the first
  bool filled = false;      // that line is one word that fills the cell's width
};

bool starts_lowercase(std::string_view s) {
  int32_t offset = 0;
  UChar32 c = 0;
  if (s.empty()) return false;
  U8_NEXT(s.data(), offset, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

// A word wider than its column is broken where the column ends, without a hyphen
// ("Säkerhetssamordn" "are"): a line of that one word fills the cell to its right padding,
// within less than a letter.
bool fills_cell(const PdfWord& w, const GridRow& grid, std::size_t c) {
  const double padding = std::max(0.0, w.left - grid.columns[c]);
  return grid.columns[c + 1] - w.right <= padding + kBrokenWordSlack * (w.bottom - w.top);
}

// The words of `line` inside the row, by cell; each cell's part becomes one line of it.
void add_to_row(const PdfLine& line, const GridRow& grid, int page, std::optional<double> leading,
                std::vector<std::vector<const PdfWord*>>& parts, std::vector<CellState>& state, BlockRow& row) {
  for (auto& p : parts) p.clear();
  for (const PdfWord& w : line.words) {
    const double x = middle_x(w);
    for (std::size_t c = 0; c + 1 < grid.columns.size(); ++c)
      if (x >= grid.columns[c] && x < grid.columns[c + 1]) parts[c].push_back(&w);
  }
  for (std::size_t c = 0; c < parts.size(); ++c) {
    if (parts[c].empty()) continue;
    const double height = line.bottom - line.top;
    const bool gap = state[c].last_bottom >= 0 && paragraph_gap(line.top - state[c].last_bottom, height, leading);
    state[c].last_bottom = line.bottom;
    if (gap) row[c].push_back({"", line.number, page, ""});
    if (!gap && state[c].filled && !row[c].empty() && starts_lowercase(parts[c].front()->text)) {
      row[c].back().text += parts[c].front()->text;  // the rest of the broken word
      parts[c].erase(parts[c].begin());
      if (parts[c].empty()) continue;  // the word may go on over one more line
    }
    state[c].filled = parts[c].size() == 1 && fills_cell(*parts[c].front(), grid, c);
    row[c].push_back(cell_line(parts[c], page, line.number));
  }
}

// Words of a row's line that stand outside its outer columns.
bool outside(const PdfWord& w, const GridRow& grid) {
  return middle_x(w) < grid.columns.front() || middle_x(w) >= grid.columns.back();
}

std::vector<Item> page_items(const PdfPage& page, const std::vector<GridRow>& grid) {
  const std::optional<double> leading = usual_leading(page);
  std::vector<Item> items;
  for (const GridRow& g : grid) {
    Item item{g.top, std::nullopt, BlockRow(g.columns.size() - 1), false};
    std::vector<std::vector<const PdfWord*>> parts(g.columns.size() - 1);
    std::vector<CellState> state(g.columns.size() - 1);
    for (const PdfLine& line : page.lines) {
      const double y = (line.top + line.bottom) / 2;
      if (y >= g.top && y < g.bottom) add_to_row(line, g, page.number, leading, parts, state, *item.row);
    }
    for (BlockCell& cell : *item.row) join_broken_words(cell);
    item.edges = cell_edges(page, g);
    items.push_back(std::move(item));
  }
  double last_bottom = -1;
  for (const PdfLine& line : page.lines) {
    const double y = (line.top + line.bottom) / 2;
    const GridRow* in_row = nullptr;
    for (const GridRow& g : grid)
      if (y >= g.top && y < g.bottom) in_row = &g;
    std::vector<const PdfWord*> words;
    for (const PdfWord& w : line.words)
      if (!in_row || outside(w, *in_row)) words.push_back(&w);
    if (words.empty()) continue;
    Item item{line.top, TextBlock{cell_line(words, page.number, line.number), 0, false}, std::nullopt, false};
    item.blank_above = last_bottom >= 0 && paragraph_gap(line.top - last_bottom, line.bottom - line.top, leading);
    last_bottom = line.bottom;
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.top < b.top; });
  return items;
}

// Adds a line of text, after a blank one where the space above shows a paragraph. Built in
// place: GCC 12 warns (wrongly, -Wmaybe-uninitialized) that moving a whole Block, a
// variant, into the vector may read its TableBlock alternative uninitialized.
void add_text(std::vector<Block>& blocks, TextBlock text, bool blank_above) {
  if (blank_above)
    blocks.emplace_back(std::in_place_type<TextBlock>, TextBlock{{"", text.line.line, text.line.page, ""}, 0, false});
  blocks.emplace_back(std::in_place_type<TextBlock>, std::move(text));
}

bool is_header(const BlockRow& row) {
  const auto texts = cell_texts(row);
  return header_roles(texts) || (!texts.empty() && is_table_header(texts.front()));
}

}  // namespace

std::optional<std::vector<Block>> ruled_blocks(const std::vector<PdfPage>& pages, const std::vector<PdfRules>& rules) {
  std::vector<std::vector<GridRow>> grids;
  std::size_t rows = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    grids.push_back(i < rules.size() ? grid_rows(rules[i]) : std::vector<GridRow>{});
    rows += grids.back().size();
  }
  if (rows < 2) return std::nullopt;

  std::vector<Block> blocks;
  TableBlock* table = nullptr;  // the table the last item went into
  std::vector<CellEdges> last_edges;  // of the last row put into it
  for (std::size_t i = 0; i < pages.size(); ++i) {
    bool page_start = true;
    bool watch_continuation = false;  // the table goes on from the page before
    for (Item& item : page_items(pages[i], grids[i])) {
      if (item.text) {
        table = nullptr;
        watch_continuation = false;
        add_text(blocks, std::move(*item.text), item.blank_above);
        page_start = false;
        continue;
      }
      if (page_start && table && !table->rows.empty() && table->rows.back().size() == item.row->size())
        watch_continuation = true;
      else if (!table || table->rows.back().size() != item.row->size())
        table = &std::get<TableBlock>(blocks.emplace_back(TableBlock{}));
      page_start = false;
      // The first row under the (repeated) header may be the rest of the page before's last row.
      if (watch_continuation && !is_header(*item.row)) {
        table->maybe_continued.push_back(table->rows.size());
        watch_continuation = false;
        for (std::size_t c = 0; c < item.row->size() && c < last_edges.size(); ++c)
          if (begins_paragraph(last_edges[c], item.edges[c]))
            (*item.row)[c].insert((*item.row)[c].begin(), CellLine{"", 0, static_cast<int>(i) + 1, ""});
      }
      if (!is_header(*item.row)) last_edges = item.edges;
      table->rows.push_back(std::move(*item.row));
    }
  }
  return blocks;
}

std::vector<Block> line_blocks(const std::vector<PdfPage>& pages) {
  std::vector<Block> blocks;
  for (const PdfPage& page : pages) {
    for (Item& item : page_items(page, {})) {
      add_text(blocks, std::move(*item.text), item.blank_above);
    }
  }
  return blocks;
}

}  // namespace uppsikt::importer
