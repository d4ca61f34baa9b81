#pragma once
// Joins words a PDF broke over two lines: "brotts-" + "förebyggande" → "brottsförebyggande".
// A hyphen before och/eller/samt/respektive is a suspended compound ("om- och") and stays,
// and so does one before a capital or a digit ("EU-" "Kommissionen", "covid-" "19").
#include <vector>

#include "importer/table_row.h"

namespace uppsikt::importer {

// Moves the rest of each broken word up to the line where it starts, so that the lines can
// then be joined with spaces as usual. Blank lines (paragraph breaks) are never crossed.
void join_broken_words(std::vector<CellLine>& lines);

}  // namespace uppsikt::importer
