#pragma once
// How headings, references and shares read in every format, so that the HTML, CSV, XLSX and
// JSON of one report say the same thing in the same words.
#include <string>

#include "report/model.h"

namespace uppsikt::report {

// "1.1.1 Målområde 1: Öka kunskapen"; the title alone when there is no number.
std::string heading_label(const Heading& heading);

// "Strategi 1:1", or "Strategi 1:1 Kort namn" when the item has a short name of its own;
// empty for a question without an item.
std::string reference_label(const ReportQuestion& question);

// The reference label followed by the item's full wording, as the long form shows it.
std::string reference_full(const ReportQuestion& question);

// Why a compiled report of a large selection lists no unit's answer, and where they are.
extern const char* const kUnitsNotListed;

// A share (0–1) as a whole Swedish percentage: "67 %".
std::string percent(double share);

}  // namespace uppsikt::report
