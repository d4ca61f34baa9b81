#pragma once
// What the first line(s) of an answer cell say: a plain option ("Ja"), an option that opens
// the comment ("Ja, vi har …"), or check boxes ("☒ Ja ☐ Nej", one per line or all on one).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

// A check box as text: Word content controls and form fields are turned into these glyphs
// by the DOCX reader; PDFs show them as they are.
inline constexpr std::string_view kCheckedBox = "\u2612";    // ☒
inline constexpr std::string_view kUncheckedBox = "\u2610";  // ☐

bool has_check_box(std::string_view line);

struct CheckBoxes {
  std::vector<std::string> checked;    // canonical options, in the order they stand
  std::vector<std::string> unchecked;
  std::vector<std::string> unknown;    // labels that are no option, as written
};

// Adds the boxes on `line` to `boxes`.
void read_check_boxes(std::string_view line, CheckBoxes& boxes);

// Whether `next` (a line without boxes) finishes the label of the last box on `line`: a
// narrow cell wraps "☐ Genomförd ☒ Pågår ☐ Ej" / "påbörjad". True only when the label alone
// is no option and the label with `next` is one.
bool label_goes_on(std::string_view line, std::string_view next);

struct LeadingOption {
  std::string option;  // canonical spelling
  std::string rest;    // the text after the option and its punctuation, trimmed
};

// "Ja, vi har …" / "Nej. Arbetet …": an option followed by punctuation and more text.
std::optional<LeadingOption> leading_option(std::string_view line);

}  // namespace uppsikt::importer
