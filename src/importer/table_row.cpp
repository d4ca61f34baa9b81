#include "importer/table_row.h"

#include <string_view>

#include "core/text.h"
#include "importer/answer_cell.h"
#include "importer/column_roles.h"
#include "importer/line_rules.h"
#include "importer/reference_block.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

constexpr std::size_t kQuoteBytes = 60;
constexpr std::string_view kOptions =
    "(Ja, Nej, Delvis, Ej aktuellt, Vet ej, eller Genomförd/Pågår/Ej påbörjad, Uppfyllt/Delvis uppfyllt/Ej "
    "uppfyllt, Grön/Gul/Röd)";

bool blank(const CellLine& line) { return is_blank(line.text); }

std::size_t first_text(const std::vector<CellLine>& lines, std::size_t from = 0) {
  while (from < lines.size() && blank(lines[from])) ++from;
  return from;
}

std::string quote(std::string_view text) {
  std::string s = collapse_space(text);
  if (s.size() <= kQuoteBytes) return s;
  std::size_t cut = kQuoteBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 letters
  return s.substr(0, cut) + "…";
}

// Whether the question ends on this line: a '?' at its end, or a '?' followed by the
// audience in parentheses that closes here.
bool ends_question(std::string_view line, bool in_audience) {
  const std::string_view s = trim(line);
  if (in_audience) return s.find(')') != std::string_view::npos;
  const auto mark = s.rfind('?');
  if (mark == std::string_view::npos) return false;
  const std::string_view rest = trim(s.substr(mark + 1));
  return rest.empty() || (rest.front() == '(' && rest.back() == ')');
}

bool opens_audience(std::string_view line) {
  const std::string_view s = trim(line);
  const auto mark = s.rfind('?');
  return mark != std::string_view::npos && trim(s.substr(mark + 1)).starts_with('(') && !s.ends_with(')');
}

// The question's lines run to a blank line or the start of the reference block; within
// them, the question ends with the last line that ends in '?' (or closes the audience after
// it), so that a question of several sentences stays whole and what follows is reference.
std::size_t question_end(const std::vector<CellLine>& lines, std::size_t first) {
  std::size_t stop = first;
  while (stop < lines.size() && !blank(lines[stop]) &&
         !(stop > first && (is_reference_start(lines[stop].text) || expected_result_label(lines[stop].text))))
    ++stop;
  std::size_t end = stop;
  bool found = false;
  bool in_audience = false;
  for (std::size_t i = first; i < stop; ++i) {
    const std::string_view text = lines[i].text;
    if (!in_audience && i > first && trim(text).starts_with('(') && trim(lines[i - 1].text).ends_with('?'))
      in_audience = true;
    if (ends_question(text, in_audience)) {
      end = i + 1;
      found = true;
      in_audience = false;
    } else {
      in_audience = in_audience || opens_audience(text);
    }
  }
  return found ? end : stop;
}

void split_audience(std::string& text, std::optional<std::string>& audience) {
  const auto mark = text.rfind('?');
  if (mark == std::string::npos) return;
  const std::string_view rest = trim(std::string_view(text).substr(mark + 1));
  if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return;
  std::string inside = collapse_space(rest.substr(1, rest.size() - 2));
  text.resize(mark + 1);
  if (!inside.empty()) audience = std::move(inside);
}

std::vector<std::string_view> texts(const std::vector<CellLine>& lines, std::size_t from, std::size_t to) {
  std::vector<std::string_view> out;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) out.push_back(lines[i].text);
  return out;
}

}  // namespace

std::size_t read_answer_cell(const std::vector<CellLine>& original, ImportedQuestion& question,
                             std::vector<std::string>& comment_lead, FollowUp& out) {
  std::size_t first = first_text(original);
  if (first == original.size()) return first;
  // A template may write the label in the cell ("Status: Pågår"); the answer follows it.
  std::vector<CellLine> unlabelled;
  if (auto label = label_of(original[first].text); label && label->role == Role::answer) {
    unlabelled = original;
    unlabelled[first].text = std::string(label->rest);
    if (label->rest.empty()) first = first_text(unlabelled, first + 1);
    if (first == unlabelled.size()) return first;
  }
  const std::vector<CellLine>& cell = unlabelled.empty() ? original : unlabelled;
  // A narrow column wraps a two-word option ("Delvis" "uppfyllt", "Ej" "påbörjad"); the
  // longer option wins over the first word's ("Delvis" is an option of another scale).
  if (first + 1 < cell.size() && !blank(cell[first + 1]))
    if (auto option = answer_option(std::string(cell[first].text) + " " + std::string(cell[first + 1].text))) {
      question.answer = std::move(option);
      return first + 2;
    }
  if (auto option = answer_option(cell[first].text)) {
    question.answer = std::move(option);
    return first + 1;
  }
  if (has_check_box(cell[first].text)) {
    CheckBoxes boxes;
    std::size_t i = first;
    for (; i < cell.size() && (blank(cell[i]) || has_check_box(cell[i].text)); ++i) {
      std::string line = cell[i].text;
      while (i + 1 < cell.size() && !blank(cell[i + 1]) && !has_check_box(cell[i + 1].text) &&
             label_goes_on(line, cell[i + 1].text))
        line += " " + cell[++i].text;
      read_check_boxes(line, boxes);
    }
    if (boxes.checked.size() == 1) question.answer = boxes.checked.front();
    else if (boxes.checked.empty()) warn_line(cell[first], "inget svarsalternativ är ikryssat", out);
    else warn_line(cell[first], "flera svarsalternativ är ikryssade; inget av dem har tagits som svar", out);
    for (const auto& label : boxes.unknown)
      warn_line(cell[first], "kryssrutan \"" + label + "\" är inget känt svarsalternativ " + std::string(kOptions), out);
    return i;
  }
  if (auto lead = leading_option(cell[first].text)) {
    question.answer = lead->option;
    if (!lead->rest.empty()) comment_lead.push_back(std::move(lead->rest));
    return first + 1;
  }
  warn_line(cell[first], "svaret är inget svarsalternativ " + std::string(kOptions) +
                             "; texten i svarskolumnen har tagits som kommentar", out);
  return first;
}

namespace {

void warn_all(const std::vector<CellLine>& lines, const std::string& why, FollowUp& out) {
  for (const auto& line : lines)
    if (!blank(line)) warn_line(line, why, out);
}

}  // namespace

void warn_line(const CellLine& line, const std::string& why, FollowUp& out) {
  out.warnings.push_back({line.line, line.page, line.where + ": " + why + " (\"" + quote(line.text) + "\")"});
}

void read_table_row(const TableRow& row, const std::string& section, FollowUp& out) {
  const std::size_t first = first_text(row.question);
  if (first == row.question.size()) {
    warn_all(row.answer, "texten står i svarskolumnen utan någon fråga bredvid och har hoppats över", out);
    return;
  }
  const std::size_t end = question_end(row.question, first);
  ImportedQuestion question;
  question.section = section;
  question.line = row.question[first].line;
  question.page = row.question[first].page;
  question.text = join_lines(texts(row.question, first, end));
  split_audience(question.text, question.audience);
  if (question.text.find('?') == std::string::npos && first_text(row.answer) == row.answer.size()) {
    warn_all(row.question, "texten är ingen fråga och har inget svar bredvid sig; den har hoppats över", out);
    return;
  }
  // A row that begins with its strategy line lost its question, most likely to the row
  // before (a table copied as text cannot tell a cell's last paragraphs from the next
  // row's first): the question is taken as it stands, and warned about.
  if (is_reference_start(row.question[first].text))
    warn_line(row.question[first], "raden börjar med en strategi eller referens, inte med en fråga; frågan kan ha "
                                   "hamnat i raden före",
              out);
  ReferenceBlock reference = read_reference_block(texts(row.question, end, row.question.size()));
  question.reference_text = std::move(reference.text);
  question.reference_number = std::move(reference.number);
  question.expected_result = std::move(reference.expected_result);

  std::vector<std::string> lead;
  const std::size_t comment_begin = read_answer_cell(row.answer, question, lead, out);
  if (first_text(row.answer) == row.answer.size())
    warn_line(row.question[first], "frågan har inget svar " + std::string(kOptions), out);
  std::vector<std::string_view> comment(lead.begin(), lead.end());
  for (std::string_view line : texts(row.answer, comment_begin, row.answer.size())) comment.push_back(line);
  std::string text = join_paragraphs(comment);
  if (!text.empty()) question.comment = std::move(text);
  out.questions.push_back(std::move(question));
}

}  // namespace uppsikt::importer
