#pragma once
// How the printed formats (PDF, Word) state counts, beside report/labels.h.
#include <string>

#include "report/labels.h"
#include "report/model.h"

namespace uppsikt::report {

// "12 (40 %)".
std::string count_and_share(const OptionCount& count);
// Whether a choice is one the compiled report lists with its comment ("Nej", "Delvis").
bool needs_attention(const std::string& choice);

}  // namespace uppsikt::report
