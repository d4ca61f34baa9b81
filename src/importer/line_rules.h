#pragma once
// What a single line of a text follow-up can be, judged on the line alone: blank, the
// repeated table header, an answer option, a numbered heading, the start of a reference.
// The parser (text_importer.cpp) decides from the context which reading applies.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

// One line of the input with its 1-based line number; a form feed splits a line in two
// that share the number, so that warnings still point at the line an editor shows.
struct SourceLine {
  int number = 0;
  std::string_view text;
};

// The input cut into lines, form feeds treated as line breaks and the table header
// ("Uppföljningsfrågor Svarsalternativ med kommentar") and page footers ("Sida 3 av 7", as
// text copied out of a PDF has them) left out wherever they stand.
std::vector<SourceLine> source_lines(std::string_view text);

bool is_blank(std::string_view line);
bool is_table_header(std::string_view line);

// The option of any recognised scale ("Ja", "Ej aktuellt", "Pågår", "Delvis uppfyllt",
// "Gul" …; see answer_scales.h) that the line holds and nothing else, in its spelling.
std::optional<std::string> answer_option(std::string_view line);

// A section number of 1–4 levels ("1", "2.4", "1.2.3"), as its parts.
using SectionNumber = std::vector<int>;

struct HeadingLine {
  SectionNumber number;
  std::string_view title;  // the rest of the line, trimmed
};

// "1.2.3 Målområde 5: …", "2. Trygghet": a number (a final '.' allowed) followed by a title
// that starts with a capital letter.
// Whether it really is a heading depends on the context (see plausible_next_section).
std::optional<HeadingLine> parse_heading_line(std::string_view line);

// Whether `next` may follow `previous` in a document's numbering: a sibling a few steps
// on, a first child, or a sibling of an ancestor. Guards against "1.2 Utveckla …" in a
// reference or "2023 …" in a comment being taken for a heading.
bool plausible_next_section(const SectionNumber& previous, const SectionNumber& next);

std::string format_section_number(const SectionNumber& number);

// "Strategi 1:1 …", "Genomförs aktiviteter …", or a bare "1:1" / "1.2" at the line start.
bool is_reference_start(std::string_view line);

// The first "N:M" or "N.M" in `text`, or empty.
std::optional<std::string> find_reference_number(std::string_view text);

// The text after "Förväntat resultat:" when the line starts with that label.
std::optional<std::string_view> expected_result_label(std::string_view line);

// Whether the first letter of the trimmed line is a capital (Unicode aware: Ä, Ö …).
bool starts_with_capital(std::string_view line);

// Whether the trimmed line ends with '.', '!' or '?'.
bool ends_sentence(std::string_view line);

}  // namespace uppsikt::importer
