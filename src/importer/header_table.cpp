#include "importer/header_table.h"

#include <cctype>

#include "core/text.h"
#include "importer/column_roles.h"
#include "importer/line_rules.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

std::vector<std::string_view> texts(const BlockCell& cell) {
  std::vector<std::string_view> out;
  for (const auto& line : cell) out.push_back(line.text);
  return out;
}

const CellLine* first_line(const BlockCell& cell) {
  for (const auto& line : cell)
    if (!is_blank(line.text)) return &line;
  return nullptr;
}

std::optional<std::string> joined(const BlockCell* cell) {
  if (!cell) return std::nullopt;
  std::string text = join_lines(texts(*cell));
  if (text.empty()) return std::nullopt;
  return text;
}

// The cells of a row by role; a role's first column wins.
struct RowCells {
  const BlockCell* number = nullptr;
  const BlockCell* question = nullptr;
  const BlockCell* audience = nullptr;
  const BlockCell* answer = nullptr;
  const BlockCell* comment = nullptr;
  const BlockCell* expected = nullptr;
  std::vector<std::pair<std::string, const BlockCell*>> extra;
};

RowCells cells_by_role(const HeaderTable& table, const BlockRow& row) {
  RowCells out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const BlockCell* cell = &row[i];
    if (i >= table.roles.size()) {
      out.extra.emplace_back("", cell);
      continue;
    }
    switch (table.roles[i]) {
      case Role::number: out.number = cell; break;
      case Role::question: out.question = cell; break;
      case Role::audience: out.audience = cell; break;
      case Role::answer: out.answer = cell; break;
      case Role::comment: out.comment = cell; break;
      case Role::expected: out.expected = cell; break;
      case Role::extra: out.extra.emplace_back(table.names[i], cell); break;
    }
  }
  return out;
}

void append_paragraphs(std::optional<std::string>& to, std::string text) {
  if (text.empty()) return;
  to = to ? *to + "\n\n" + text : text;
}

// A comment cell's text without the "Kommentar:" a template wrote in it before the text.
std::vector<std::string_view> without_label(std::vector<std::string_view> lines) {
  for (auto& line : lines) {
    if (is_blank(line)) continue;
    if (auto label = label_of(line); label && label->role == Role::comment) line = label->rest;
    break;
  }
  return lines;
}

// The answer and comment cells of `cells`, added to `question`.
void read_answer_and_comment(const RowCells& cells, ImportedQuestion& question, FollowUp& out) {
  std::vector<std::string> lead;
  std::vector<std::string_view> comment;
  if (cells.answer) {
    const std::size_t begin = read_answer_cell(*cells.answer, question, lead, out);
    comment.assign(lead.begin(), lead.end());
    for (std::size_t i = begin; i < cells.answer->size(); ++i) comment.push_back((*cells.answer)[i].text);
  }
  append_paragraphs(question.comment, join_paragraphs(comment));
  if (cells.comment) append_paragraphs(question.comment, join_paragraphs(without_label(texts(*cells.comment))));
}

void read_extra(const RowCells& cells, ImportedQuestion& question, FollowUp& out) {
  for (const auto& [name, cell] : cells.extra) {
    auto text = joined(cell);
    if (!text) continue;
    if (name.empty())
      if (const CellLine* line = first_line(*cell))
        warn_line(*line, "cellen står utanför tabellhuvudets kolumner; den har sparats som text på frågan", out);
    if (!question.reference_text.empty()) question.reference_text += "\n";
    question.reference_text += (name.empty() ? "" : name + ": ") + *text;
  }
}

// Text that goes on over a page break: the reader of the paged format marks a cell whose
// rest begins a new paragraph with a paragraph break (blank line) before it.
void append_continued(std::optional<std::string>& field, const std::string& text, bool new_paragraph) {
  if (text.empty()) return;
  if (!field) field = text;
  else *field += (new_paragraph ? "\n\n" : " ") + text;
}

bool starts_paragraph(const BlockCell* cell) { return cell && !cell->empty() && is_blank(cell->front().text); }

// A page break cut the row: its cells go on from the question before.
void continue_question(const RowCells& cells, ImportedQuestion& question, FollowUp& out) {
  auto add = [](std::optional<std::string>& field, const BlockCell* cell) {
    if (auto text = joined(cell)) field = field ? *field + " " + *text : *text;
  };
  if (cells.question)
    if (auto text = joined(cells.question)) question.text += " " + *text;
  add(question.audience, cells.audience);
  add(question.expected_result, cells.expected);
  if (!question.answer && cells.answer && first_line(*cells.answer)) {
    read_answer_and_comment(cells, question, out);
  } else {
    if (cells.answer)
      append_continued(question.comment, join_paragraphs(texts(*cells.answer)), starts_paragraph(cells.answer));
    if (cells.comment)
      append_continued(question.comment, join_paragraphs(texts(*cells.comment)), starts_paragraph(cells.comment));
  }
  read_extra(cells, question, out);
}

// Whether a row cut by a page break goes on with the question before: its number or its
// question cell is empty, or the question's text begins in the middle of a sentence.
bool continues(const RowCells& cells) {
  const CellLine* question = cells.question ? first_line(*cells.question) : nullptr;
  if (!question) return true;
  if (cells.number && !first_line(*cells.number)) return true;
  return !starts_with_capital(question->text) && !std::isdigit(static_cast<unsigned char>(trim(question->text)[0]));
}

bool all_blank(const BlockRow& row) {
  for (const auto& cell : row)
    if (first_line(cell)) return false;
  return true;
}

}  // namespace

std::vector<std::string> cell_texts(const BlockRow& row) {
  std::vector<std::string> out;
  for (const auto& cell : row) out.push_back(join_lines(texts(cell)));
  return out;
}

void read_header_table_row(const HeaderTable& table, const BlockRow& row, const std::string& section,
                           bool may_continue, FollowUp& out) {
  if (all_blank(row)) return;
  const RowCells cells = cells_by_role(table, row);
  if (may_continue && !out.questions.empty() && continues(cells)) {
    continue_question(cells, out.questions.back(), out);
    return;
  }
  const CellLine* first = cells.question ? first_line(*cells.question) : nullptr;
  if (!first) {
    for (const auto& cell : row)
      if (const CellLine* line = first_line(cell))
        warn_line(*line, "raden har ingen text i frågekolumnen; den har hoppats över", out);
    return;
  }
  ImportedQuestion question;
  question.section = section;
  question.line = first->line;
  question.page = first->page;
  question.text = *joined(cells.question);
  question.reference_number = joined(cells.number);
  question.audience = joined(cells.audience);
  question.expected_result = joined(cells.expected);
  read_answer_and_comment(cells, question, out);
  read_extra(cells, question, out);
  if (cells.answer && !first_line(*cells.answer)) warn_line(*first, "frågan har inget svar", out);
  out.questions.push_back(std::move(question));
}

}  // namespace uppsikt::importer
