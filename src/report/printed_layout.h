#pragma once
// What the printed formats (PDF and Word) show of a report, in reading order and apart from
// any format: headings, text, tables, charts and page breaks. Built once here, so that the
// PDF and the Word document of a report say the same thing; each format only draws it.
#include <string>
#include <variant>
#include <vector>

#include "report/model.h"

namespace uppsikt::report::printed {

// How a piece of text looks, in words a format translates into its own styles.
enum class Look {
  kPlain,
  kBold,
  kNote,       // italic, subdued: audiences, "Ej besvarad"
  kSmall,      // references and expected results
  kSmallBold,
  kFaint,      // subdued: dates of printing
  kTitle,      // the title page's title
  kSubtitle,   // the title page's second line
  kLarge,      // the title page's facts
};

struct Text {
  std::string text;  // a blank line starts a new paragraph
  Look look = Look::kPlain;
};
using Cell = std::vector<Text>;

// A table as wide as the page whose header row repeats on every page it runs onto.
struct Table {
  std::vector<double> widths;  // relative column widths
  std::vector<Cell> header;
  std::vector<std::vector<Cell>> rows;
};

struct Heading {
  int level = 1;  // 1–3
  std::string text;
};

// A horizontal bar chart of a question's answers; its numbers are also in a table.
struct Chart {
  std::vector<OptionCount> counts;
};

struct PageBreak {};

struct Space {
  double points = 0;
};

using Block = std::variant<Heading, Text, Table, Chart, PageBreak, Space>;

struct Layout {
  std::string title;  // the document's title (metadata, running title)
  std::vector<Block> blocks;
};

Layout lay_out(const UnitReport& report);
Layout lay_out(const CompiledReport& report);

}  // namespace uppsikt::report::printed
