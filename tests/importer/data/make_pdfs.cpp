// Writes the PDF test inputs of tests/importer/pdf_importer_test.cpp with cairo, laid out as
// a follow-up table: page header and "Sida N av M" footer, numbered headings, the two
// columns "Uppföljningsfrågor" | "Svarsalternativ med kommentar" with the header row
// repeated on every page, rows that run over a page break. Not part of the build; the
// PDFs are committed. To regenerate, from the repository root:
//
//   g++ -std=c++20 -O1 -Isrc tests/importer/data/make_pdfs.cpp src/importer/{text_importer,line_rules,\
//     question_scan,text_join,reference_block}.cpp src/core/{text,scale}.cpp \
//     $(pkg-config --cflags --libs cairo icu-uc icu-i18n) -o /tmp/make_pdfs
//   /tmp/make_pdfs tests/importer/data
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "importer/text_importer.h"

namespace {

using uppsikt::importer::FollowUp;
using uppsikt::importer::ImportedQuestion;

constexpr double kWidth = 595, kHeight = 842;           // A4 in points
constexpr double kTop = 95, kBottom = 770;              // the text area
constexpr double kLeft = 57, kSplit = 320, kRight = 538; // margins and the answer column's start
constexpr double kSize = 10, kPitch = 13, kParagraph = 8;

struct Text {
  double x, y;
  std::string text;
  bool bold = false;
};
using Page = std::vector<Text>;

// Lines of at most `width` points, broken at spaces; '\n' forces a break (to test words a
// PDF broke with a hyphen).
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::istringstream forced(text);
  std::string piece;
  while (std::getline(forced, piece, '\n')) {
    std::istringstream words(piece);
    std::string word, line;
    while (words >> word) {
      const std::string candidate = line.empty() ? word : line + " " + word;
      cairo_text_extents_t e;
      cairo_text_extents(cr, candidate.c_str(), &e);
      if (e.x_advance > width && !line.empty()) {
        lines.push_back(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// A column's lines with their offsets from the row's top; "\n\n" starts a paragraph.
struct Placed {
  double offset;
  double x;
  std::string text;
};

void place(cairo_t* cr, const std::vector<std::string>& paragraphs, double x, double width, std::vector<Placed>& out) {
  double y = 0;
  for (const auto& paragraph : paragraphs) {
    if (paragraph.empty()) continue;
    for (const auto& line : wrap(cr, paragraph, width)) {
      out.push_back({y, x, line});
      y += kPitch;
    }
    y += kParagraph;
  }
}

std::vector<std::string> split_paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t to = std::min(text.find("\n\n", from), text.size());
    out.push_back(text.substr(from, to - from));
    from = to + 2;
  }
  return out;
}

class Layout {
 public:
  explicit Layout(cairo_t* cr) : cr_(cr) { new_page(false); }

  void heading(const std::string& text) {
    in_table_ = false;
    y_ += kParagraph;
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    const auto lines = wrap(cr_, text, kRight - kLeft);
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    for (const auto& line : lines) {
      if (y_ > kBottom) new_page(false);
      pages_.back().push_back({kLeft, y_, line, true});
      y_ += kPitch + 2;
    }
  }

  void table_header() {
    in_table_ = true;
    header_row();
  }

  void row(const std::vector<std::string>& left, const std::vector<std::string>& right) {
    std::vector<Placed> lines;
    place(cr_, left, kLeft + 4, kSplit - kLeft - 16, lines);
    place(cr_, right, kSplit, kRight - kSplit, lines);
    std::stable_sort(lines.begin(), lines.end(), [](const Placed& a, const Placed& b) { return a.offset < b.offset; });
    double top = y_, bottom = y_;
    for (const Placed& line : lines) {
      double y = top + line.offset;
      if (y > kBottom) {
        new_page(true);
        top = y_ - line.offset;
        y = y_;
      }
      pages_.back().push_back({line.x, y, line.text});
      bottom = std::max(bottom, y + kPitch);
    }
    y_ = bottom + kParagraph;
  }

  // A paragraph outside the table, in the question column.
  void loose_line(const std::string& text) {
    y_ += kParagraph;
    pages_.back().push_back({kLeft, y_, text});
    y_ += kPitch + kParagraph;
  }

  void write(const std::string& path, const std::string& header) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
    cairo_t* cr = cairo_create(surface);
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      draw(cr, {kLeft, 40, header});
      draw(cr, {kRight - 60, 815, "Sida " + std::to_string(i + 1) + " av " + std::to_string(pages_.size())});
      for (const Text& t : pages_[i]) draw(cr, t);
      cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }

 private:
  void new_page(bool repeat_header) {
    pages_.emplace_back();
    y_ = kTop;
    if (repeat_header && in_table_) header_row();
  }

  void header_row() {
    pages_.back().push_back({kLeft + 4, y_, "Uppföljningsfrågor", true});
    pages_.back().push_back({kSplit, y_, "Svarsalternativ med kommentar", true});
    y_ += kPitch + kParagraph;
  }

  static void draw(cairo_t* cr, const Text& t) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           t.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, kSize);
    cairo_move_to(cr, t.x, t.y);
    cairo_show_text(cr, t.text.c_str());
  }

  cairo_t* cr_;
  std::vector<Page> pages_;
  double y_ = kTop;
  bool in_table_ = false;
};

std::vector<std::string> question_cell(const ImportedQuestion& q) {
  std::vector<std::string> out{q.text + (q.audience ? " (" + *q.audience + ")" : "")};
  const std::size_t label = q.reference_text.find("Förväntat resultat");
  out.push_back(q.reference_text.substr(0, label));
  if (label != std::string::npos) out.push_back(q.reference_text.substr(label));
  return out;
}

// Every third answer as check boxes, the rest as the word.
std::vector<std::string> answer_cell(const ImportedQuestion& q, bool boxes) {
  std::vector<std::string> out;
  if (boxes && q.answer) {
    std::string line;
    for (std::string option : {"Ja", "Nej", "Delvis"})
      line += (line.empty() ? "" : " ") + std::string(option == *q.answer ? "☒ " : "☐ ") + option;
    out.push_back(line);
  } else if (q.answer) {
    out.push_back(*q.answer);
  }
  if (q.comment)
    for (const auto& paragraph : split_paragraphs(*q.comment)) out.push_back(paragraph);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void fixture_pdf(cairo_t* measure, const std::string& dir) {
  const FollowUp followup = uppsikt::importer::parse_text(read_file("data/demo/miljoforvaltningen-2024.txt"));
  Layout layout(measure);
  std::size_t n = 0;
  for (const auto& section : followup.sections) {
    layout.heading(section.number + " " + section.title);
    bool header = false;
    for (const auto& q : followup.questions) {
      if (q.section != section.number) continue;
      if (!std::exchange(header, true)) layout.table_header();
      layout.row(question_cell(q), answer_cell(q, ++n % 3 == 0));
    }
  }
  layout.write(dir + "/fixture.pdf", "Miljöförvaltningen – Uppföljning 2024");
}

void variations_pdf(cairo_t* measure, const std::string& dir) {
  Layout layout(measure);
  layout.heading("1 Program");
  layout.heading("1.1 Del");
  layout.table_header();
  layout.row({"Har ni ett brotts-\nförebyggande råd? (Berörda\nnämnder)", "Strategi 1:1 Staden ska ha ett råd."},
             {"☐ Ja ☒ Nej", "Vi planerar om-\noch tillbyggnad av EU-\nProjektet.",
              "Varför? Det saknas resurser.\n2 gånger per år följs det upp."});
  layout.heading("1.3 Annan del");
  layout.loose_line("Bilaga: se intranätet");
  layout.table_header();
  std::vector<std::string> long_comment;
  for (int i = 1; i <= 60; ++i) long_comment.push_back("Stycke " + std::to_string(i) + " av kommentaren.");
  layout.row({"Har ni en lång kommentar?", "Strategi 1:2 Text."}, [&] {
    std::vector<std::string> cell{"Delvis"};
    cell.insert(cell.end(), long_comment.begin(), long_comment.end());
    return cell;
  }());
  layout.row({"Har ni en sista fråga?"}, {"vet ej"});
  layout.write(dir + "/variations.pdf", "Uppföljning – testfall");
}

void no_text_pdf(const std::string& dir) {
  cairo_surface_t* surface = cairo_pdf_surface_create((dir + "/no_text.pdf").c_str(), kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_rectangle(cr, 100, 100, 200, 300);
  cairo_fill(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_pdfs OUTPUT_DIR (run from the repository root)\n";
    return 2;
  }
  cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t* measure = cairo_create(scratch);
  cairo_select_font_face(measure, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(measure, kSize);
  fixture_pdf(measure, argv[1]);
  variations_pdf(measure, argv[1]);
  no_text_pdf(argv[1]);
  cairo_destroy(measure);
  cairo_surface_destroy(scratch);
  return 0;
}
