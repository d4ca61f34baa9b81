#pragma once
// One row of the follow-up table, read where the layout already tells the two columns
// apart (DOCX cells, PDF text positions): the question cell holds the question, its
// audience and its reference block; the answer cell the option and the comment.
#include <string>
#include <vector>

#include "importer/followup.h"

namespace uppsikt::importer {

// A line of a cell and where it stands, for warnings. An empty text is a paragraph break.
struct CellLine {
  std::string text;
  int line = 0;       // 1-based: paragraph (DOCX) or line on the page (PDF)
  int page = 0;       // 1-based page, 0 when the format has none
  std::string where;  // "Stycke 12", "Sida 3, rad 14": how warnings name the place
};

struct TableRow {
  std::vector<CellLine> question;
  std::vector<CellLine> answer;
};

// Adds the row's question, standing under `section`, to `out`. Text that makes no question
// (an answer cell beside an empty question cell, a row without '?' or answer) becomes a
// warning per line, so that nothing is dropped silently.
void read_table_row(const TableRow& row, const std::string& section, FollowUp& out);

// The option at the top of an answer cell: alone ("Ja"), opening the comment ("Ja, vi har
// …": the rest goes to `comment_lead`) or in check boxes. Text that is no option is warned
// about and left for the comment. Returns the index of the comment's first line.
std::size_t read_answer_cell(const std::vector<CellLine>& cell, ImportedQuestion& question,
                             std::vector<std::string>& comment_lead, FollowUp& out);

// A warning for `line` that quotes its start, so a user finds it in a PDF or Word file.
void warn_line(const CellLine& line, const std::string& why, FollowUp& out);

}  // namespace uppsikt::importer
