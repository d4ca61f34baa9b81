#include "report/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <stdexcept>
#include <variant>

#include "report/pdf_language.h"
#include "report/plain_text.h"

namespace uppsikt::report::pdf {
namespace {

// A4 in points, and the margins that leave room for the running title and the page number.
constexpr double kPageWidth = 595.2756;
constexpr double kPageHeight = 841.8898;
constexpr double kMarginSide = 56.7;  // 2 cm
constexpr double kMarginTop = 70;
constexpr double kMarginBottom = 70;
constexpr double kTop = kMarginTop;
constexpr double kBottom = kPageHeight - kMarginBottom;
constexpr double kCellPadding = 4;
constexpr double kParagraphGap = 4;
constexpr const char* kFontFamily = "DejaVu Sans, Liberation Sans";

using LayoutPtr = std::shared_ptr<PangoLayout>;

// One laid-out line of text, ready to be placed anywhere.
struct Line {
  LayoutPtr layout;  // keeps `line` alive
  PangoLayoutLine* line = nullptr;
  double height = 0;
  double baseline = 0;  // from the line's top
  double x = 0;         // from the left of the box it was laid out in (alignment)
  double gap_before = 0;
  double gray = 0;
};

struct TextOp {
  Line line;
  double x = 0, top = 0;
};
struct RectOp {
  double x = 0, y = 0, width = 0, height = 0;
  Fill fill = Fill::kWhite;
  bool outline = true;
};
struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 1, gray = 0;
};
using Op = std::variant<TextOp, RectOp, LineOp>;

struct Bookmark {
  int level = 1;
  std::string text;
  double y = 0;
};

struct Page {
  std::vector<Op> ops;
  std::vector<Bookmark> bookmarks;
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

double heading_size(int level) { return level <= 1 ? 16 : level == 2 ? 13 : 11; }

double sum_heights(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  double h = 0;
  for (std::size_t i = from; i < to; ++i) h += (i == from ? 0 : lines[i].gap_before) + lines[i].height;
  return h;
}

}  // namespace

struct Document::Impl {
  std::string bytes;
  std::string running_title;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoContext* context = nullptr;
  std::vector<Page> pages{1};
  double y = kTop;
  bool finished = false;

  Impl(std::string_view title, std::string_view running) : running_title(printable(running)) {
    surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, printable(title).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Uppsikt");
    cr = cairo_create(surface);
    context = pango_cairo_create_context(cr);
    // Cairo's unit is the point: a 10 pt font must be 10 units high, not 10/72 of 96.
    pango_cairo_context_set_resolution(context, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context, pango_language_from_string("sv-se"));
  }

  ~Impl() {
    pages.clear();  // the layouts before their context
    reused.clear();
    g_object_unref(context);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }

  Page& page() { return pages.back(); }
  double left() const { return kMarginSide; }
  double text_width() const { return kPageWidth - 2 * kMarginSide; }

  LayoutPtr layout(std::string_view text, const Style& style, double width, bool align_right) {
    const std::string clean = printable(text);
    LayoutPtr l(pango_layout_new(context), g_object_unref);
    // Plain text, never markup: what users wrote is shown as written.
    pango_layout_set_text(l.get(), clean.data(), static_cast<int>(clean.size()));
    PangoFontDescription* font = pango_font_description_from_string(kFontFamily);
    pango_font_description_set_size(font, static_cast<int>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    if (width > 0) {
      pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
      // A word longer than the column (Swedish compounds) breaks between letters rather
      // than running over the edge.
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    if (align_right) pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
    // Pango knows no Swedish syllables: a hyphen at an arbitrary letter would read as part
    // of the word and be copied with the text, so such breaks get none.
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l.get(), attrs);
    pango_attr_list_unref(attrs);
    return l;
  }

  // Short texts repeat through a compiled report (unit names, "Ja", "Nej", counts): each is
  // laid out once for its style and width, and its lines are placed wherever it recurs.
  static constexpr std::size_t kMostBytesReused = 80;
  std::map<std::string, std::vector<Line>, std::less<>> reused;

  std::vector<Line> lines(std::string_view text, const Style& style, double width, bool align_right = false) {
    if (text.size() > kMostBytesReused) return lay_out_lines(text, style, width, align_right);
    char shape[96];
    std::snprintf(shape, sizeof shape, "\x1f%a %d %d %a %a %d", style.size, style.bold, style.italic, style.gray,
                  width, align_right);
    std::string key = std::string(text) + shape;
    if (auto it = reused.find(key); it != reused.end()) return it->second;
    return reused.emplace(std::move(key), lay_out_lines(text, style, width, align_right)).first->second;
  }

  std::vector<Line> lay_out_lines(std::string_view text, const Style& style, double width, bool align_right) {
    std::vector<Line> out;
    LayoutPtr l = layout(text, style, width, align_right);
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const int baseline = pango_layout_iter_get_baseline(it);
      out.push_back(Line{.layout = l,
                         .line = pango_layout_iter_get_line_readonly(it),
                         .height = static_cast<double>(logical.height) / PANGO_SCALE,
                         .baseline = static_cast<double>(baseline - logical.y) / PANGO_SCALE,
                         .x = static_cast<double>(logical.x) / PANGO_SCALE,
                         .gray = style.gray});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out;
  }

  std::vector<Line> cell_lines(const Cell& cell, double width) {
    std::vector<Line> out;
    for (const Paragraph& p : cell) {
      if (p.text.empty()) continue;
      std::vector<Line> ls = lines(p.text, p.style, width);
      if (!out.empty()) ls.front().gap_before = kParagraphGap;
      out.insert(out.end(), ls.begin(), ls.end());
    }
    return out;
  }

  void new_page() {
    pages.emplace_back();
    y = kTop;
  }

  // Moves on to a new page unless `height` fits below y (a fresh page takes anything).
  void ensure(double height) {
    if (y + height > kBottom && y > kTop) new_page();
  }

  void place(const Line& line, double x, double top) { page().ops.push_back(TextOp{line, x + line.x, top}); }

  void flow(const std::vector<Line>& ls) {
    for (const Line& line : ls) {
      ensure(line.gap_before + line.height);
      if (y > kTop) y += line.gap_before;
      place(line, left(), y);
      y += line.height;
    }
  }

  void heading(int level, std::string_view text) {
    const Style style{.size = heading_size(level), .bold = true};
    std::vector<Line> ls = lines(text, style, text_width());
    const double height = sum_heights(ls, 0, ls.size());
    const double before = level <= 1 ? 14 : 10;
    // A heading with no room for a few lines of what follows moves to the next page.
    ensure(before + height + 48);
    if (y > kTop) y += before;
    page().bookmarks.push_back(Bookmark{level, printable(text), y});
    flow(ls);
    y += 6;
  }

  void table(const Table& t);
  std::string finish();
  void draw_page(std::size_t index, std::vector<int>& outline_ids);
  void draw(const Op& op);
  void draw_fill(const RectOp& r);
};

namespace {

// The columns' x positions and widths for a table as wide as `total`.
struct Columns {
  std::vector<double> x, width;
};

Columns columns(const std::vector<double>& relative, double left, double total) {
  Columns c;
  const double sum = std::accumulate(relative.begin(), relative.end(), 0.0);
  double x = left;
  for (double r : relative) {
    c.x.push_back(x);
    c.width.push_back(total * r / sum);
    x += total * r / sum;
  }
  return c;
}

}  // namespace

void Document::Impl::table(const Table& t) {
  const Columns cols = columns(t.widths, left(), text_width());
  const std::size_t n = cols.x.size();
  auto lay_out_row = [&](const std::vector<Cell>& row) {
    std::vector<std::vector<Line>> cells(n);
    for (std::size_t c = 0; c < n && c < row.size(); ++c) cells[c] = cell_lines(row[c], cols.width[c] - 2 * kCellPadding);
    return cells;
  };
  auto row_height = [&](const std::vector<std::vector<Line>>& cells) {
    double h = 0;
    for (const auto& ls : cells) h = std::max(h, sum_heights(ls, 0, ls.size()));
    return h + 2 * kCellPadding;
  };

  const auto header = lay_out_row(t.header);
  const double header_height = t.header.empty() ? 0 : row_height(header);
  double after_header = y;  // where rows start on the current page
  auto draw_header = [&] {
    if (t.header.empty()) return;
    for (std::size_t c = 0; c < n; ++c) {
      page().ops.push_back(RectOp{cols.x[c], y, cols.width[c], header_height, Fill::kLight, true});
      double top = y + kCellPadding;
      for (std::size_t i = 0; i < header[c].size(); ++i) {
        if (i > 0) top += header[c][i].gap_before;
        place(header[c][i], cols.x[c] + kCellPadding, top);
        top += header[c][i].height;
      }
    }
    y += header_height;
    after_header = y;
  };
  auto next_page = [&] {
    new_page();
    draw_header();
  };

  ensure(header_height + 3 * 14);
  draw_header();
  for (const auto& row : t.rows) {
    const auto cells = lay_out_row(row);
    const double full = row_height(cells);
    // Keep a row whole when it fits on a page of its own.
    if (y + full > kBottom && full <= kBottom - kTop - header_height && y > after_header) next_page();
    std::vector<std::size_t> next(n, 0);
    for (;;) {
      // This page's part of the row: as many lines of each cell as fit.
      const double room = kBottom - y - 2 * kCellPadding;
      std::vector<std::size_t> end(next);
      bool any = false;
      for (std::size_t c = 0; c < n; ++c) {
        while (end[c] < cells[c].size() && sum_heights(cells[c], next[c], end[c] + 1) <= room) ++end[c];
        any = any || end[c] > next[c];
      }
      bool remaining = false;
      for (std::size_t c = 0; c < n; ++c) remaining = remaining || next[c] < cells[c].size();
      if (!any && remaining) {
        if (y > after_header) {
          next_page();
          continue;
        }
        for (std::size_t c = 0; c < n; ++c) end[c] = std::min(cells[c].size(), next[c] + 1);  // a line taller than a page
      }
      double height = 0;
      for (std::size_t c = 0; c < n; ++c) height = std::max(height, sum_heights(cells[c], next[c], end[c]));
      height += 2 * kCellPadding;
      for (std::size_t c = 0; c < n; ++c) {
        page().ops.push_back(RectOp{cols.x[c], y, cols.width[c], height, Fill::kWhite, true});
        double top = y + kCellPadding;
        for (std::size_t i = next[c]; i < end[c]; ++i) {
          if (i > next[c]) top += cells[c][i].gap_before;
          place(cells[c][i], cols.x[c] + kCellPadding, top);
          top += cells[c][i].height;
        }
      }
      y += height;
      next = end;
      remaining = false;
      for (std::size_t c = 0; c < n; ++c) remaining = remaining || next[c] < cells[c].size();
      if (!remaining) break;
      next_page();
    }
  }
  y += 10;
}

void Document::Impl::draw_fill(const RectOp& r) {
  auto gray = [&](double g) { cairo_set_source_rgb(cr, g, g, g); };
  auto hatch = [&](double dx, double dy, double step) {
    // Parallel lines across the rectangle, clipped to it.
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    cairo_clip(cr);
    gray(0.15);
    cairo_set_line_width(cr, 0.7);
    const double span = r.width + r.height;
    for (double s = -span; s <= span; s += step) {
      if (dy == 0) {
        cairo_move_to(cr, r.x, r.y + s + span);
        cairo_line_to(cr, r.x + r.width, r.y + s + span);
      } else {
        cairo_move_to(cr, r.x + s, r.y + r.height);
        cairo_line_to(cr, r.x + s + dx * r.height, r.y + r.height - dy * r.height);
      }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
  };
  const bool white_ground = r.fill != Fill::kDark && r.fill != Fill::kLight;
  gray(r.fill == Fill::kDark ? 0.3 : r.fill == Fill::kLight ? 0.88 : 1.0);
  if (r.fill != Fill::kWhite || r.outline) {
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    cairo_fill(cr);
  }
  if (white_ground) {
    if (r.fill == Fill::kHatched || r.fill == Fill::kCrossHatched) hatch(1, 1, 4);
    if (r.fill == Fill::kCrossHatched) hatch(-1, 1, 4);
    if (r.fill == Fill::kStriped) hatch(1, 0, 3);
  }
  if (r.outline) {
    gray(0.2);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, r.x, r.y, r.width, r.height);
    cairo_stroke(cr);
  }
}

void Document::Impl::draw(const Op& op) {
  if (const auto* t = std::get_if<TextOp>(&op)) {
    cairo_set_source_rgb(cr, t->line.gray, t->line.gray, t->line.gray);
    cairo_move_to(cr, t->x, t->top + t->line.baseline);
    pango_cairo_show_layout_line(cr, t->line.line);
  } else if (const auto* r = std::get_if<RectOp>(&op)) {
    draw_fill(*r);
  } else if (const auto* l = std::get_if<LineOp>(&op)) {
    cairo_set_source_rgb(cr, l->gray, l->gray, l->gray);
    cairo_set_line_width(cr, l->width);
    cairo_move_to(cr, l->x1, l->y1);
    cairo_line_to(cr, l->x2, l->y2);
    cairo_stroke(cr);
  }
}

void Document::Impl::draw_page(std::size_t index, std::vector<int>& outline_ids) {
  const Style small{.size = 8, .gray = 0.3};
  if (index > 0 && !running_title.empty()) {  // the first page is the title page
    for (const Line& l : lines(running_title, small, text_width())) {
      draw(TextOp{l, left() + l.x, 36});
      break;  // one line: a running title never wraps
    }
    draw(LineOp{left(), 50, left() + text_width(), 50, 0.4, 0.5});
  }
  const std::string number = "Sida " + std::to_string(index + 1) + " av " + std::to_string(pages.size());
  for (const Line& l : lines(number, small, text_width(), true)) draw(TextOp{l, left() + l.x, kPageHeight - 45});

  for (const Bookmark& b : pages[index].bookmarks) {
    const int level = std::clamp(b.level, 1, 3);
    outline_ids.resize(3, CAIRO_PDF_OUTLINE_ROOT);
    const int parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : outline_ids[level - 2];
    char target[64];
    std::snprintf(target, sizeof target, "page=%zu pos=[%.1f %.1f]", index + 1, left(), b.y);
    outline_ids[level - 1] = cairo_pdf_surface_add_outline(surface, parent, b.text.c_str(), target,
                                                           level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                      : cairo_pdf_outline_flags_t{});
    for (int deeper = level; deeper < 3; ++deeper) outline_ids[deeper] = outline_ids[level - 1];
  }
  for (const Op& op : pages[index].ops) draw(op);
  cairo_show_page(cr);
}

std::string Document::Impl::finish() {
  if (finished) throw std::logic_error("pdf::Document::finish called twice");
  finished = true;
  std::vector<int> outline_ids;
  for (std::size_t i = 0; i < pages.size(); ++i) draw_page(i, outline_ids);
  cairo_surface_finish(surface);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("PDF kunde inte skapas: ") + cairo_status_to_string(cairo_surface_status(surface)));
  return with_language(std::move(bytes), "sv-SE");
}

Document::Document(std::string_view title, std::string_view running_title)
    : impl_(std::make_unique<Impl>(title, running_title)) {}
Document::~Document() = default;

double Document::text_width() const { return impl_->text_width(); }
double Document::left() const { return impl_->left(); }
void Document::heading(int level, std::string_view text) { impl_->heading(level, text); }
void Document::paragraph(std::string_view text, const Style& style) {
  impl_->flow(impl_->lines(text, style, impl_->text_width()));
  impl_->y += style.size * 0.5;
}
void Document::space(double points) { impl_->y += points; }
void Document::table(const Table& table) { impl_->table(table); }
void Document::new_page() { impl_->new_page(); }

double Document::reserve(double height) {
  impl_->ensure(height);
  const double top = impl_->y;
  impl_->y += height;
  return top;
}

void Document::rectangle(double x, double y, double width, double height, Fill fill) {
  impl_->page().ops.push_back(RectOp{x, y, width, height, fill, true});
}

void Document::line(double x1, double y1, double x2, double y2, double width, double gray) {
  impl_->page().ops.push_back(LineOp{x1, y1, x2, y2, width, gray});
}

double Document::text_at(double x, double y, double max_width, std::string_view text, const Style& style,
                         bool align_right) {
  double top = y;
  for (const Line& l : impl_->lines(text, style, max_width, align_right)) {
    impl_->place(l, x, top);
    top += l.height;
  }
  return top - y;
}

double Document::measure_width(std::string_view text, const Style& style) {
  LayoutPtr l = impl_->layout(text, style, 0, false);
  PangoRectangle logical;
  pango_layout_get_extents(l.get(), nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

std::string Document::finish() { return impl_->finish(); }

}  // namespace uppsikt::report::pdf
