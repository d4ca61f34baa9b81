#include "importer/text_importer.h"

#include <utility>

#include "core/text.h"
#include "importer/block_reader.h"
#include "importer/text_blocks.h"
#include "importer/line_rules.h"
#include "importer/question_scan.h"
#include "importer/reference_block.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

// A heading's title wraps over a few lines at most; more is text that lost its blank line.
constexpr std::size_t kMaxTitleLines = 6;

// Walks the lines once: headings open sections; a question takes its reference block, its
// answer and the comment after it, up to the next heading or question. What is left over
// becomes a warning, so that nothing is dropped silently.
class TextParser {
 public:
  explicit TextParser(std::string_view text) : lines_(source_lines(text)) {}

  FollowUp parse() {
    while (pos_ < lines_.size()) step();
    return std::move(out_);
  }

 private:
  void step() {
    const SourceLine& line = lines_[pos_];
    if (is_blank(line.text)) {
      ++pos_;
      return;
    }
    if (auto heading = heading_at(pos_, /*inside_text=*/false)) {
      read_heading(*heading);
      return;
    }
    if (auto question = scan_question(lines_, pos_)) {
      read_question(*question);
      return;
    }
    warn_orphan(line);
    ++pos_;
  }

  // A heading line whose number may follow the current section. Inside a comment a bare
  // "2 Göteborgs …" must also stand after a finished sentence, as a comment line may
  // start with a number.
  std::optional<HeadingLine> heading_at(std::size_t i, bool inside_text) const {
    auto heading = parse_heading_line(lines_[i].text);
    if (!heading || !plausible_next_section(section_, heading->number)) return std::nullopt;
    if (inside_text && heading->number.size() == 1 && !after_boundary(i)) return std::nullopt;
    return heading;
  }

  // Whether line `i` stands where a new block may begin: at the start, after a blank line,
  // a finished sentence or an answer line.
  bool after_boundary(std::size_t i) const {
    if (i == 0) return true;
    const std::string_view previous = lines_[i - 1].text;
    return is_blank(previous) || ends_sentence(previous) || answer_option(previous).has_value();
  }

  void read_heading(const HeadingLine& heading) {
    section_ = heading.number;
    std::vector<std::string_view> title{heading.title};
    for (++pos_; pos_ < lines_.size() && title.size() < kMaxTitleLines; ++pos_) {
      if (ends_title(pos_)) break;
      title.push_back(lines_[pos_].text);
    }
    out_.sections.push_back({format_section_number(section_), join_lines(title)});
  }

  bool ends_title(std::size_t i) const {
    const std::string_view line = lines_[i].text;
    return is_blank(line) || answer_option(line) || is_reference_start(line) ||
           heading_at(i, /*inside_text=*/false) || scan_question(lines_, i);
  }

  void read_question(const QuestionSpan& span) {
    ImportedQuestion question;
    question.section = format_section_number(section_);
    question.text = span.text;
    question.audience = span.audience;
    question.line = lines_[pos_].number;
    read_reference(span, question);
    question.answer = answer_option(lines_[span.answer].text);
    pos_ = span.answer + 1;
    question.comment = read_comment();
    out_.questions.push_back(std::move(question));
  }

  void read_reference(const QuestionSpan& span, ImportedQuestion& question) const {
    std::vector<std::string_view> lines;
    for (std::size_t i = span.reference_begin; i < span.answer; ++i) lines.push_back(lines_[i].text);
    ReferenceBlock block = read_reference_block(lines);
    question.reference_text = std::move(block.text);
    question.reference_number = std::move(block.number);
    question.expected_result = std::move(block.expected_result);
  }

  std::optional<std::string> read_comment() {
    std::vector<std::string_view> comment;
    for (; pos_ < lines_.size() && !ends_comment(pos_); ++pos_) comment.push_back(lines_[pos_].text);
    std::string text = join_paragraphs(comment);
    if (text.empty()) return std::nullopt;
    return text;
  }

  bool ends_comment(std::size_t i) const {
    if (is_blank(lines_[i].text)) return false;
    return heading_at(i, /*inside_text=*/true) || starts_question_in_text(i);
  }

  // A question that follows a comment without a blank line: it starts at the first line
  // after a finished sentence; failing that, where its shape is first found.
  bool starts_question_in_text(std::size_t i) const {
    const auto span = scan_question(lines_, i);
    if (!span) return false;
    if (after_boundary(i)) return true;
    for (std::size_t j = i + 1; j <= span->text_end; ++j)
      if (after_boundary(j) && scan_question(lines_, j)) return false;
    return true;
  }

  void warn_orphan(const SourceLine& line) {
    const std::string where = "Rad " + std::to_string(line.number) + ": ";
    const std::string why = trim(line.text).ends_with('?')
                                ? "frågan följs inte av något svar (Ja, Nej, Delvis, Ej aktuellt, "
                                  "Vet ej) och har hoppats över"
                                : "texten hör inte till någon fråga och har hoppats över";
    out_.warnings.push_back({line.number, 0, where + why});
  }

  std::vector<SourceLine> lines_;
  std::size_t pos_ = 0;
  SectionNumber section_;
  FollowUp out_;
};

}  // namespace

FollowUp parse_text(std::string_view text, const ReadOptions& options) {
  if (auto blocks = text_blocks(text)) return read_blocks(*blocks, options);
  FollowUp out = TextParser(text).parse();
  keep_to_scale(out, options.scale);
  return out;
}

}  // namespace uppsikt::importer
