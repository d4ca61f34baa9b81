#pragma once
// The reference block under a question ("Strategi 1:1 …", "Förväntat resultat: …") split
// into its parts. Shared by the text, DOCX and PDF importers so that all three read it alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

struct ReferenceBlock {
  std::string text;                            // the whole block, joined
  std::optional<std::string> number;           // "1:1", "3:2", "1.2"
  std::optional<std::string> expected_result;  // from "Förväntat resultat:" to the end
};

// The lines of the block (blank lines allowed, they are skipped). The number is looked for
// before "Förväntat resultat:" only, so that a figure in the result is never taken.
ReferenceBlock read_reference_block(const std::vector<std::string_view>& lines);

}  // namespace uppsikt::importer
