#pragma once
// The horizontal bar chart of a question's answers in the PDF: one bar per option, its
// share of the units that answered, labelled with the count and share so that it reads in
// grey scale and without the bars (the same numbers stand in the table above it).
#include <vector>

#include "report/model.h"
#include "report/pdf_document.h"

namespace uppsikt::report::pdf {

void bar_chart(Document& doc, const std::vector<OptionCount>& counts);

}  // namespace uppsikt::report::pdf
