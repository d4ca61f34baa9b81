#pragma once
// Joins the lines a PDF broke a sentence into back to running text.
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

// Lines joined by single spaces, white space collapsed. A line-end hyphen before "och",
// "eller", "samt" or "respektive" is a suspended compound ("Miljö-" "och" → "Miljö- och");
// any other line-end hyphen joins without a space ("Tryggi-" "avtal" → "Tryggi-avtal").
// Whether `word` is one of the conjunctions after which a line-end hyphen is a suspended
// compound ("om- och") rather than a broken word.
bool is_suspension_conjunction(std::string_view word);

std::string join_lines(const std::vector<std::string_view>& lines);

// Lines with blank lines between paragraphs → paragraphs joined by "\n\n", each paragraph
// joined as by join_lines; a line that begins with a bullet ("• ", "- ") begins a
// paragraph of its own, the bullet left out, as a document's list item is one. Empty when
// there is no text.
std::string join_paragraphs(const std::vector<std::string_view>& lines);

}  // namespace uppsikt::importer
