#include "importer/block_reader.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "core/text.h"
#include "importer/answer_cell.h"
#include "importer/column_roles.h"
#include "importer/header_table.h"
#include "importer/line_rules.h"
#include "importer/reference_block.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

constexpr std::size_t kMaxLevels = 4;
// A question line wraps over a few lines at most in a text file.
constexpr std::size_t kMaxQuestionLines = 4;

// What the label of a line above the first heading says, when it is a fact we keep: the
// unit that answered ("Besvaras av:", which says it best, or the board or administration
// the follow-up went to), or the date.
enum class Fact { answering_unit, organisation, date };

struct FactLine {
  Fact fact;
  std::string value;
};

std::optional<FactLine> fact_of(std::string_view line) {
  const std::string_view s = trim(line);
  const auto colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string label = fold_case(collapse_space(s.substr(0, colon)));
  std::string value = collapse_space(s.substr(colon + 1));
  if (value.empty()) return std::nullopt;
  for (std::string_view word : {"besvaras av", "besvarad av", "besvarat av", "svarande enhet", "enhet"})
    if (label == word) return FactLine{Fact::answering_unit, std::move(value)};
  for (std::string_view word : {"nämnd", "styrelse", "förvaltning", "bolag", "nämnd/styrelse", "nämnd/bolag"})
    if (label == word) return FactLine{Fact::organisation, std::move(value)};
  for (std::string_view word : {"datum", "svarsdatum", "datum för svar", "besvarad", "besvarat"})
    if (label == word) return FactLine{Fact::date, std::move(value)};
  return std::nullopt;
}

// A question being read from labelled paragraphs: its lines per field until it closes.
struct OpenQuestion {
  ImportedQuestion question;
  std::vector<CellLine> text, audience, expected, answer, comment, reference;
  std::vector<CellLine>* field = nullptr;  // where an unlabelled line goes on
  bool labelled = false;                   // a label has been read under it
};

class BlockReader {
 public:
  BlockReader(const std::vector<Block>& blocks, const std::vector<ColumnChoice>& choices)
      : blocks_(blocks), choices_(choices) {}

  FollowUp read() {
    for (next_ = 0; next_ < blocks_.size(); ++next_) {
      if (const auto* text = std::get_if<TextBlock>(&blocks_[next_])) read_text(*text);
      else read_table(std::get<TableBlock>(blocks_[next_]));
    }
    close_question();
    return std::move(out_);
  }

 private:
  // --- paragraphs -------------------------------------------------------------------

  void read_text(const TextBlock& b) {
    const std::string& text = b.line.text;
    if (is_blank(text)) {
      if (open_ && open_->field && !b.whole) open_->field->push_back({"", b.line.line, b.line.page, ""});
      return;
    }
    if (is_table_header(text)) return;
    if (out_.sections.empty() && !open_ && read_fact(b)) return;
    if (auto label = label_of(text)) {
      read_label(b, *label);
      return;
    }
    if (starts_question(b)) {
      open_question(b, parse_heading_line(text));
      return;
    }
    if (read_heading(b)) return;
    if (open_) {
      go_on(b);
      return;
    }
    warn_line(b.line, "texten hör inte till någon fråga och är ingen numrerad rubrik; den har hoppats över", out_);
  }

  // The first line of each kind says the fact; an answering unit outranks the organisation
  // named before it. A line not taken is kept among the other facts.
  bool read_fact(const TextBlock& b) {
    auto fact = fact_of(b.line.text);
    if (!fact) return false;
    Facts& facts = out_.facts;
    std::optional<std::string>& field = fact->fact == Fact::date ? facts.date : facts.unit;
    const bool outranks = fact->fact == Fact::answering_unit && unit_is_organisation_;
    if (field && !outranks) {
      facts.other.push_back(collapse_space(b.line.text));
      return true;
    }
    if (field) facts.other.push_back(*organisation_line_);
    if (fact->fact == Fact::organisation) organisation_line_ = collapse_space(b.line.text);
    if (fact->fact != Fact::date) unit_is_organisation_ = fact->fact == Fact::organisation;
    field = std::move(fact->value);
    return true;
  }

  // The next block after the current one that holds text, or nullptr.
  const Block* next_block(std::size_t from) const {
    for (std::size_t i = from; i < blocks_.size(); ++i) {
      const auto* text = std::get_if<TextBlock>(&blocks_[i]);
      if (!text || !is_blank(text->line.text)) return &blocks_[i];
    }
    return nullptr;
  }

  static const TextBlock* as_text(const Block* block) { return block ? std::get_if<TextBlock>(block) : nullptr; }

  // A question line: numbered or ending in '?' (a text file may wrap it over a few lines)
  // with a label under it, or numbered and ending in '?' with text under it.
  bool starts_question(const TextBlock& b) const {
    if (open_ && !open_->labelled) return false;  // still the open question's own text
    const auto numbered = parse_heading_line(b.line.text);
    std::size_t last = next_;
    bool asks = ends_question(b.line.text);
    for (std::size_t i = next_ + 1; !asks && !b.whole && i < blocks_.size() && i <= next_ + kMaxQuestionLines; ++i) {
      const auto* more = std::get_if<TextBlock>(&blocks_[i]);
      if (!more || is_blank(more->line.text) || label_of(more->line.text) || parse_heading_line(more->line.text))
        break;
      asks = ends_question(more->line.text);
      last = i;
    }
    const TextBlock* after = as_text(next_block(last + 1));
    const bool label_follows = after && label_of(after->line.text);
    if (label_follows) return numbered || asks;
    return numbered && asks && after && !parse_heading_line(after->line.text);
  }

  static bool ends_question(std::string_view text) {
    const std::string_view s = trim(text);
    return s.ends_with('?') || (s.ends_with(')') && s.find("?") != std::string_view::npos);
  }

  void open_question(const TextBlock& b, const std::optional<HeadingLine>& numbered) {
    close_question();
    open_.emplace();
    ImportedQuestion& q = open_->question;
    q.section = format_section_number(section_);
    q.line = b.line.line;
    q.page = b.line.page;
    CellLine first = b.line;
    if (numbered) {
      q.reference_number = format_section_number(numbered->number);
      first.text = std::string(numbered->title);
    }
    open_->text.push_back(std::move(first));
    open_->field = &open_->text;
  }

  void read_label(const TextBlock& b, const Label& label) {
    if (label.role == Role::question) {
      TextBlock rest = b;
      rest.line.text = std::string(label.rest);
      open_question(rest, std::nullopt);
      return;
    }
    if (!open_) {
      warn_line(b.line, "raden står inte under någon fråga och har hoppats över", out_);
      return;
    }
    open_->labelled = true;
    std::vector<CellLine>* field = field_of(label.role, b);
    open_->field = field;
    if (label.rest.empty()) return;
    CellLine line = b.line;
    line.text = std::string(label.rest);
    add(*field, std::move(line), b.whole);
  }

  std::vector<CellLine>* field_of(Role role, const TextBlock& b) {
    OpenQuestion& q = *open_;
    switch (role) {
      case Role::audience:
        if (q.audience.empty()) return &q.audience;
        break;
      case Role::expected: return &q.expected;
      case Role::answer:
        if (q.answer.empty()) return &q.answer;
        warn_line(b.line, "frågan har redan ett svar; det här har sparats som text på frågan", out_);
        break;
      case Role::comment: return &q.comment;
      default: break;
    }
    // A second audience or answer is kept, label and all, with the question's other text.
    CellLine line = b.line;
    line.text = collapse_space(b.line.text);
    q.reference.push_back(std::move(line));
    return &q.reference;
  }

  // An unlabelled line goes on with the field before it; after the answer, it is comment,
  // and after a finished question, text about the question.
  void go_on(const TextBlock& b) {
    OpenQuestion& q = *open_;
    std::vector<CellLine>* field = q.field;
    if (field == &q.text && (b.whole || ends_question(join(q.text)))) field = &q.reference;
    if (field == &q.answer && !q.answer.empty() && !has_check_box(b.line.text)) field = &q.comment;
    q.field = field;
    add(*field, b.line, b.whole);
  }

  static void add(std::vector<CellLine>& field, CellLine line, bool whole) {
    if (whole && !field.empty()) field.push_back({"", line.line, line.page, ""});
    field.push_back(std::move(line));
  }

  static std::string join(const std::vector<CellLine>& lines) {
    std::vector<std::string_view> texts;
    for (const auto& line : lines) texts.push_back(line.text);
    return join_lines(texts);
  }

  static std::optional<std::string> joined(const std::vector<CellLine>& lines) {
    std::string text = join(lines);
    if (text.empty()) return std::nullopt;
    return text;
  }

  void close_question() {
    if (!open_) return;
    OpenQuestion& q = *open_;
    ImportedQuestion question = std::move(q.question);
    question.text = join(q.text);
    question.audience = joined(q.audience);
    question.expected_result = joined(q.expected);
    std::vector<std::string_view> reference;
    for (const auto& line : q.reference) reference.push_back(line.text);
    ReferenceBlock block = read_reference_block(reference);
    question.reference_text = std::move(block.text);
    if (!question.reference_number) question.reference_number = std::move(block.number);
    if (!question.expected_result) question.expected_result = std::move(block.expected_result);
    std::vector<std::string> lead;
    const std::size_t begin = read_answer_cell(q.answer, question, lead, out_);
    std::vector<std::string_view> comment(lead.begin(), lead.end());
    for (std::size_t i = begin; i < q.answer.size(); ++i) comment.push_back(q.answer[i].text);
    if (!comment.empty() && !q.comment.empty()) comment.push_back("");
    for (const auto& line : q.comment) comment.push_back(line.text);
    if (std::string text = join_paragraphs(comment); !text.empty()) question.comment = std::move(text);
    if (q.answer.empty() && !q.text.empty()) warn_line(q.text.front(), "frågan har inget svar", out_);
    out_.questions.push_back(std::move(question));
    open_.reset();
  }

  // --- headings ---------------------------------------------------------------------

  // A heading takes the number written in its text; a heading style without one (Word's
  // automatic numbering is not in the text) gets the number its level implies.
  bool read_heading(const TextBlock& b) {
    auto written = parse_heading_line(b.line.text);
    if (written && b.heading_level == 0 && in_comment() && ends_sentence(written->title)) return false;
    if (written && (b.heading_level > 0 || plausible_next_section(section_, written->number))) {
      open_section(written->number, std::string(written->title));
      return true;
    }
    if (b.heading_level == 0 || static_cast<std::size_t>(b.heading_level) > kMaxLevels) return false;
    SectionNumber number = section_;
    number.resize(static_cast<std::size_t>(b.heading_level), 0);
    ++number.back();
    open_section(number, collapse_space(b.line.text));
    return true;
  }

  // Whether the open question's comment is being read: there a numbered line that ends a
  // sentence ("2. Fler handläggare anställdes.") is an item of a numbered list, for no
  // heading ends with a full stop.
  bool in_comment() const { return open_ && open_->field == &open_->comment; }

  void open_section(SectionNumber number, std::string title) {
    close_question();
    section_ = std::move(number);
    out_.sections.push_back({format_section_number(section_), std::move(title)});
  }

  // --- tables -----------------------------------------------------------------------

  void read_table(const TableBlock& table) {
    close_question();
    if (header_ && !continues_header_table(table)) header_.reset();
    for (std::size_t r = 0; r < table.rows.size(); ++r) read_row(table, r);
  }

  // A table without a header of its own, as wide as the last header table, goes on with it
  // (Word splits a table where a heading or a page break stands between its parts; a PDF's
  // row merged over the whole table, a heading inside it, is a table of one column).
  bool continues_header_table(const TableBlock& table) const {
    for (const auto& row : table.rows) {
      if (all_blank(row) || row.size() == 1) continue;
      return !header_roles(cell_texts(row)) && !is_table_header(cell_texts(row).front()) &&
             row.size() == header_->roles.size();
    }
    return true;
  }

  static bool is_two_column(const std::vector<Role>& roles) {
    return roles.size() == 2 && roles[0] == Role::question && (roles[1] == Role::answer || roles[1] == Role::comment);
  }

  static bool all_blank(const BlockRow& row) {
    for (const auto& cell : row)
      for (const auto& line : cell)
        if (!is_blank(line.text)) return false;
    return true;
  }

  void read_row(const TableBlock& table, std::size_t r) {
    const BlockRow& row = table.rows[r];
    if (row.empty() || all_blank(row)) return;
    const std::vector<std::string> texts = cell_texts(row);
    if (auto roles = header_roles(texts)) {
      const bool chosen = choose_roles(texts, *roles, row);
      // "Fråga | Svar och kommentar" is the two-column layout, which its own reader knows
      // better: the reference under the question, the comment under the answer.
      if (is_two_column(*roles) && !chosen) {
        header_.reset();
        return;
      }
      note_header(texts, *roles, row);
      header_ = HeaderTable{std::move(*roles), texts};
      return;
    }
    // A row merged over the whole table is a heading or a note inside it.
    if (row.size() == 1) {
      for (const auto& line : row.front()) read_merged_line(line);
      return;
    }
    if (!header_ && out_.sections.empty() && read_fact_row(row)) return;
    const bool may_continue =
        std::find(table.maybe_continued.begin(), table.maybe_continued.end(), r) != table.maybe_continued.end();
    if (header_) {
      read_header_table_row(*header_, row, format_section_number(section_), may_continue, out_);
      return;
    }
    if (is_table_header(texts.front()) || is_table_header(texts[1])) return;
    // Every question of the two-column layout asks something: a cut row's rest does not.
    if (may_continue && !out_.questions.empty() && texts.front().find('?') == std::string::npos) {
      continue_two_column(row, out_.questions.back());
      return;
    }
    // Two columns: the question and its reference, the answer and its comment.
    TableRow two{row.front(), {}};
    for (std::size_t i = 1; i < row.size(); ++i) {
      if (!two.answer.empty() && !row[i].empty()) two.answer.push_back({"", row[i].front().line, 0, ""});
      two.answer.insert(two.answer.end(), row[i].begin(), row[i].end());
    }
    read_table_row(two, format_section_number(section_), out_);
  }

  // A row of a small table of facts above the first heading ("Nämnd | Socialnämnden"),
  // read as the line "Nämnd: Socialnämnden" would be. Whether it was one.
  bool read_fact_row(const BlockRow& row) {
    const std::vector<std::string> texts = cell_texts(row);
    std::vector<std::size_t> filled;
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (!texts[i].empty()) filled.push_back(i);
    if (filled.size() != 2 || !fact_of(texts[filled[0]] + ": " + texts[filled[1]])) return false;
    CellLine line = *first_line_of(row);
    line.text = texts[filled[0]] + ": " + texts[filled[1]];
    return read_fact(TextBlock{std::move(line), 0, true});
  }

  // Gives the columns the roles the user chose for their headers. A chosen role is taken
  // from the column the header's words gave it to (that one is kept as text on the
  // question); one chosen for two columns stays with the first, with a warning. Whether
  // any role was chosen.
  bool choose_roles(const std::vector<std::string>& headers, std::vector<Role>& roles, const BlockRow& row) {
    std::vector<bool> chosen(roles.size(), false);
    for (std::size_t i = 0; i < headers.size(); ++i)
      if (auto role = chosen_role(choices_, headers[i])) {
        roles[i] = *role;
        chosen[i] = true;
      }
    if (std::find(chosen.begin(), chosen.end(), true) == chosen.end()) return false;
    for (std::size_t i = 0; i < roles.size(); ++i) {
      if (roles[i] == Role::extra) continue;
      for (std::size_t j = 0; j < roles.size(); ++j) {
        if (j == i || roles[j] != roles[i] || (chosen[j] && !chosen[i]) || (chosen[j] == chosen[i] && j < i)) continue;
        if (chosen[j])
          if (const CellLine* line = first_line_of(row))
            warn_line(*line, "kolumnen \"" + collapse_space(headers[j]) + "\" har fått samma roll som \"" +
                                 collapse_space(headers[i]) + "\"; den har sparats som text på frågan", out_);
        roles[j] = Role::extra;
      }
    }
    return true;
  }

  static const CellLine* first_line_of(const BlockRow& row) {
    for (const auto& cell : row)
      for (const auto& line : cell)
        if (!is_blank(line.text)) return &line;
    return nullptr;
  }

  // Keeps each distinct header once, for a user to see and correct the roles.
  void note_header(const std::vector<std::string>& headers, const std::vector<Role>& roles, const BlockRow& row) {
    std::vector<std::string> names;
    for (const auto& h : headers) names.push_back(collapse_space(h));
    for (const auto& t : out_.tables)
      if (t.headers == names) return;
    const CellLine* line = first_line_of(row);
    // Without an answer column every question of the table is saved without an answer;
    // a header the words did not name ("Måluppfyllelse" misspelt) is the likely cause.
    if (line && std::find(roles.begin(), roles.end(), Role::answer) == roles.end())
      warn_line(*line, "tabellhuvudet har ingen kolumn för svar (Svar, Status, Bedömning, Måluppfyllelse); frågorna "
                       "under det får inga svar. Välj kolumnens roll om en av dem är svaret",
                out_);
    out_.tables.push_back({std::move(names), roles, line ? line->line : 0, line ? line->page : 0});
  }

  // The rest of a row a page break cut: reference text on the left, comment on the right.
  static void continue_two_column(const BlockRow& row, ImportedQuestion& question) {
    if (std::string more = join(row.front()); !more.empty()) {
      // The expected result goes on, or its label comes first on the new page.
      if (question.expected_result) *question.expected_result += " " + more;
      std::vector<std::string_view> pieces{question.reference_text};
      for (const auto& line : row.front()) pieces.push_back(line.text);
      ReferenceBlock block = read_reference_block(pieces);
      question.reference_text = std::move(block.text);
      if (!question.reference_number) question.reference_number = std::move(block.number);
      if (!question.expected_result) question.expected_result = std::move(block.expected_result);
    }
    std::vector<std::string_view> right;
    for (std::size_t i = 1; i < row.size(); ++i)
      for (const auto& line : row[i]) right.push_back(line.text);
    std::string more = join_paragraphs(right);
    if (more.empty()) return;
    // The paged reader marks a rest that begins a new paragraph with a blank line first.
    const bool new_paragraph = !row[1].empty() && is_blank(row[1].front().text);
    if (!question.comment) question.comment = std::move(more);
    else *question.comment += (new_paragraph ? "\n\n" : " ") + more;
  }

  void read_merged_line(const CellLine& line) {
    if (is_blank(line.text) || is_table_header(line.text)) return;
    if (out_.sections.empty() && read_fact(TextBlock{line, 0, true})) return;
    if (read_heading(TextBlock{line, 0, true})) return;
    warn_line(line, "texten står utanför tabellen och är ingen numrerad rubrik; den har hoppats över", out_);
  }

  const std::vector<Block>& blocks_;
  const std::vector<ColumnChoice>& choices_;  // the user's roles for columns, by header
  std::size_t next_ = 0;  // the block being read
  SectionNumber section_;
  std::optional<OpenQuestion> open_;
  std::optional<HeaderTable> header_;
  bool unit_is_organisation_ = false;             // facts.unit came from "Nämnd:" or the like
  std::optional<std::string> organisation_line_;  // that line, as written
  FollowUp out_;
};

}  // namespace

FollowUp read_blocks(const std::vector<Block>& blocks, const ReadOptions& options) {
  FollowUp out = BlockReader(blocks, options.columns).read();
  keep_to_scale(out, options.scale);
  return out;
}

}  // namespace uppsikt::importer
