#include "importer/question_scan.h"

#include "core/text.h"
#include "importer/text_join.h"

namespace uppsikt::importer {
namespace {

// A question wraps over a few lines in the narrow table column; more is running text.
constexpr std::size_t kMaxQuestionLines = 6;
constexpr std::size_t kMaxAudienceLines = 3;
// A reference block with its expected result; beyond this the answer is missing.
constexpr std::size_t kMaxReferenceLines = 40;

struct QuestionEnd {
  std::string_view text;  // the last line's part up to and including the '?'
  std::optional<std::string> audience;
  std::size_t last_line = 0;  // the '?' line, or the audience's last line
};

std::size_t next_non_blank(const std::vector<SourceLine>& lines, std::size_t i) {
  while (i < lines.size() && is_blank(lines[i].text)) ++i;
  return i;
}

// "(Samtliga nämnder och" … "styrelser)" from `rest` (which starts with '(') on line
// `index` on; nothing may follow the ')'.
std::optional<QuestionEnd> read_audience(const std::vector<SourceLine>& lines, std::size_t index,
                                         std::string_view rest) {
  std::vector<std::string_view> pieces{rest};
  std::size_t i = index;
  while (true) {
    const auto close = pieces.back().find(')');
    if (close != std::string_view::npos) {
      if (!trim(pieces.back().substr(close + 1)).empty()) return std::nullopt;
      pieces.back() = pieces.back().substr(0, close);
      break;
    }
    ++i;
    if (i >= lines.size() || pieces.size() == kMaxAudienceLines || is_blank(lines[i].text))
      return std::nullopt;
    pieces.push_back(trim(lines[i].text));
  }
  pieces.front().remove_prefix(1);
  std::string audience = join_lines(pieces);
  if (audience.empty()) return std::nullopt;
  return QuestionEnd{{}, std::move(audience), i};
}

// Whether line `k` ends a question: '?' at its end, or followed by "(audience…" there or
// on the next line.
std::optional<QuestionEnd> read_question_end(const std::vector<SourceLine>& lines, std::size_t k) {
  const std::string_view line = trim(lines[k].text);
  const auto mark = line.rfind('?');
  if (mark == std::string_view::npos) return std::nullopt;
  const std::string_view text = line.substr(0, mark + 1);
  const std::string_view rest = trim(line.substr(mark + 1));
  if (!rest.empty()) {
    if (rest.front() != '(') return std::nullopt;
    auto end = read_audience(lines, k, rest);
    if (end) end->text = text;
    return end;
  }
  if (k + 1 < lines.size() && trim(lines[k + 1].text).starts_with('(')) {
    if (auto end = read_audience(lines, k + 1, trim(lines[k + 1].text))) {
      end->text = text;
      return end;
    }
  }
  return QuestionEnd{text, std::nullopt, k};
}

// The answer line that closes the reference block starting at `begin` (or `begin` itself
// when the question has no reference).
std::optional<std::size_t> find_answer(const std::vector<SourceLine>& lines, std::size_t begin) {
  if (begin >= lines.size()) return std::nullopt;
  if (answer_option(lines[begin].text)) return begin;
  if (!is_reference_start(lines[begin].text)) return std::nullopt;
  for (std::size_t i = begin + 1; i < lines.size() && i < begin + kMaxReferenceLines; ++i) {
    if (answer_option(lines[i].text)) return i;
    // Another question before any answer: this one has none.
    if (trim(lines[i].text).ends_with('?')) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<QuestionSpan> scan_question(const std::vector<SourceLine>& lines, std::size_t first) {
  if (first >= lines.size() || !starts_with_capital(lines[first].text)) return std::nullopt;
  for (std::size_t k = first; k < lines.size() && k < first + kMaxQuestionLines; ++k) {
    if (is_blank(lines[k].text)) return std::nullopt;
    if (auto end = read_question_end(lines, k)) {
      const std::size_t reference_begin = next_non_blank(lines, end->last_line + 1);
      if (auto answer = find_answer(lines, reference_begin)) {
        std::vector<std::string_view> text_lines;
        for (std::size_t i = first; i < k; ++i) text_lines.push_back(lines[i].text);
        text_lines.push_back(end->text);
        return QuestionSpan{join_lines(text_lines), std::move(end->audience), k, reference_begin, *answer};
      }
    }
    // A question may hold several sentences ending in '?', but a '.' ends running text.
    if (ends_sentence(lines[k].text) && !trim(lines[k].text).ends_with('?')) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace uppsikt::importer
