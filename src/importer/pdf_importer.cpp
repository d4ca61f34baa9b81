#include "importer/pdf_importer.h"

#include <optional>
#include <utility>

#include "core/text.h"
#include "importer/answer_cell.h"
#include "importer/block_reader.h"
#include "importer/column_roles.h"
#include "importer/line_rules.h"
#include "importer/pdf_columns.h"
#include "importer/pdf_grid.h"
#include "importer/pdf_rules.h"
#include "importer/pdf_hyphen.h"
#include "importer/table_row.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

// A heading's title wraps over a few lines at most; more is text that lost its break.
constexpr std::size_t kMaxTitleLines = 6;

bool starts_answer(std::string_view right) {
  return answer_option(right) || has_check_box(right) || leading_option(right);
}

const CellLine* last_text(const std::vector<CellLine>& lines) {
  for (auto it = lines.rbegin(); it != lines.rend(); ++it)
    if (!is_blank(it->text)) return &*it;
  return nullptr;
}

// Walks the lines top to bottom. An answer in the right column opens a table row (the
// answer stands at the top of its cell, beside the question); a numbered heading closes
// it. A row that runs over a page break goes on, as the repeated table header is skipped.
class PdfReader {
 public:
  FollowUp read(const std::vector<ColumnLine>& lines) {
    for (ColumnLine line : lines) {
      // Under a table header the space above is the header's, not a paragraph break; on a
      // new page the line goes on from the page before.
      if (std::exchange(after_header_, false)) {
        line.gap_left = line.gap_right = false;
        line.page_start = true;
      }
      step(line);
    }
    close_row();
    close_title();
    warn_pending();
    return std::move(out_);
  }

 private:
  void step(const ColumnLine& c) {
    if (is_table_header(c.left) && (c.right.empty() || is_table_header(c.right))) {
      close_title();
      warn_pending();
      after_header_ = true;
      return;
    }
    if (opens_row(c)) {
      open_row(c);
      return;
    }
    if (c.right.empty() && is_heading(c)) {
      open_heading(c);
      return;
    }
    if (title_ && c.right.empty() && !c.gap_left && !c.page_start && title_->size() < kMaxTitleLines) {
      title_->push_back(cell_line(c, c.left));
      return;
    }
    close_title();
    add_text(c);
  }

  // An answer at the top of the right column opens a row. Inside a row, "Ja, genom att …"
  // may also begin a comment paragraph; a new row needs a question beside it: a new
  // paragraph in the left column that is no reference.
  bool opens_row(const ColumnLine& c) const {
    if (c.right.empty() || !starts_answer(c.right)) return false;
    if (!row_) return true;
    return !c.left.empty() && (c.gap_left || c.page_start) && starts_with_capital(c.left) &&
           !is_reference_start(c.left) && !expected_result_label(c.left);
  }

  // Inside a row a bare "1.2 Utveckla …" may be the reference right under the question;
  // a heading there must stand after the reference, past a break or a finished sentence.
  bool is_heading(const ColumnLine& c) const {
    const auto heading = parse_heading_line(c.left);
    if (!heading || !plausible_next_section(section_, heading->number)) return false;
    if (!row_) return true;
    const CellLine* last = last_text(row_->question);
    if (last && (trim(last->text).ends_with('?') || trim(last->text).ends_with(')'))) return false;
    return c.gap_left || c.page_start || (last && ends_sentence(last->text));
  }

  void open_heading(const ColumnLine& c) {
    close_row();
    close_title();
    warn_pending();
    auto heading = parse_heading_line(c.left);
    section_ = heading->number;
    title_.emplace();
    title_->push_back(cell_line(c, std::string(heading->title)));
  }

  void open_row(const ColumnLine& c) {
    close_row();
    close_title();
    row_.emplace();
    row_->question = std::move(pending_);
    pending_.clear();
    add(row_->question, c, c.left, c.gap_left);
    add(row_->answer, c, c.right, false);
  }

  void add_text(const ColumnLine& c) {
    if (row_) {
      add(row_->question, c, c.left, c.gap_left);
      add(row_->answer, c, c.right, c.gap_right);
      return;
    }
    // Text above the first answer is the top of the next question, whose answer stands lower.
    add(pending_, c, c.left, c.gap_left);
    if (!c.right.empty())
      warn_line(cell_line(c, c.right), "texten står i svarskolumnen före något svar och har hoppats över", out_);
  }

  static void add(std::vector<CellLine>& cell, const ColumnLine& c, const std::string& text, bool gap) {
    if (text.empty()) return;
    if (gap && !cell.empty()) cell.push_back({"", c.number, c.page, ""});
    cell.push_back(cell_line(c, text));
  }

  static CellLine cell_line(const ColumnLine& c, std::string text) {
    return {std::move(text), c.number, c.page, "Sida " + std::to_string(c.page) + ", rad " + std::to_string(c.number)};
  }

  void close_row() {
    if (!row_) return;
    join_broken_words(row_->question);
    join_broken_words(row_->answer);
    read_table_row(*row_, format_section_number(section_), out_);
    row_.reset();
  }

  void close_title() {
    if (!title_) return;
    join_broken_words(*title_);
    std::vector<std::string_view> texts;
    for (const auto& line : *title_) texts.push_back(line.text);
    out_.sections.push_back({format_section_number(section_), join_lines(texts)});
    title_.reset();
  }

  void warn_pending() {
    for (const auto& line : pending_)
      if (!is_blank(line.text)) warn_line(line, "texten hör inte till någon fråga och har hoppats över", out_);
    pending_.clear();
  }

  SectionNumber section_;
  std::optional<TableRow> row_;
  std::optional<std::vector<CellLine>> title_;
  std::vector<CellLine> pending_;
  bool after_header_ = false;
  FollowUp out_;
};

// Whether a line of the pages begins with a label ("Svar:", "Kommentar:"), as the labelled
// layout's do; "Förväntat resultat:" is no sign, the two-column layout writes it too.
bool has_labels(const std::vector<PdfPage>& pages) {
  for (const PdfPage& page : pages)
    for (const PdfLine& line : page.lines)
      if (auto label = label_of(line_text(line)); label && label->role != Role::expected) return true;
  return false;
}

// An unruled table whose header names its columns: its rows cannot be told apart from
// drawn lines, so the user is told where to look instead of being given a silent guess.
void warn_unruled_header(const std::vector<PdfPage>& pages, FollowUp& out) {
  for (const PdfPage& page : pages)
    for (const PdfLine& line : page.lines) {
      // A header line is mostly role words: "Nr Åtgärd Ansvarig Status Kommentar".
      std::vector<std::string> words;
      std::size_t known = 0;
      for (const PdfWord& w : line.words) {
        words.push_back(w.text);
        known += role_of_header(w.text).has_value();
      }
      if (known < 3 || known * 3 < words.size() * 2 || is_table_header(line_text(line)) || !header_roles(words))
        continue;
      out.warnings.push_back({line.number, page.number,
                              "Sida " + std::to_string(page.number) + ", rad " + std::to_string(line.number) +
                                  ": tabellen har inga ritade linjer mellan raderna; kontrollera att varje fråga "
                                  "fått rätt svar och kommentar, eller importera filen som Word eller text"});
      return;
    }
}

}  // namespace

// A ruled table is read from its drawn lines; labelled paragraphs line by line; an unruled
// two-column table from the text positions, as before.
FollowUp parse_pdf(std::string_view bytes, const ReadOptions& options) {
  std::vector<PdfPage> pages = read_pdf_pages(bytes);
  const std::vector<PdfPage> clean = without_furniture(pages);
  if (auto blocks = ruled_blocks(clean, read_pdf_rules(bytes))) return read_blocks(*blocks, options);
  if (has_labels(clean)) return read_blocks(line_blocks(clean), options);
  FollowUp out = PdfReader().read(column_lines(pages));
  warn_unruled_header(clean, out);
  keep_to_scale(out, options.scale);
  return out;
}

}  // namespace uppsikt::importer
