#pragma once
// Looks ahead from a line to see whether a follow-up question starts there: text ending in
// '?' (with an optional audience in parentheses), then, after blank lines, a reference
// block and an answer line. Requiring the whole shape keeps a '?' inside a comment, or a
// comment line that happens to start with a capital, from being read as a question.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "importer/line_rules.h"

namespace uppsikt::importer {

struct QuestionSpan {
  std::string text;                     // up to and including the '?'
  std::optional<std::string> audience;  // without the parentheses, original case
  std::size_t text_end = 0;             // index of the line holding the '?'
  std::size_t reference_begin = 0;      // index of the reference block's first line
  std::size_t answer = 0;               // index of the answer line (ends the reference)
};

// The question that starts at lines[first], or nothing when the lines there do not have
// a question's shape.
std::optional<QuestionSpan> scan_question(const std::vector<SourceLine>& lines, std::size_t first);

}  // namespace uppsikt::importer
