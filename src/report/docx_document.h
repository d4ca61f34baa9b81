#pragma once
// The writer behind the Word reports: headings in Word's own heading styles, paragraphs
// and tables flow into word/document.xml, and finish() packs it with its styles, footer
// (page numbers) and properties into a .docx. pugixml and libzip stay in the .cpp files.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::report::docx {

struct Paragraph {
  std::string text;  // a blank line starts a new paragraph, a single newline a new line
  bool bold = false;
  bool italic = false;
};
using Cell = std::vector<Paragraph>;

// A table as wide as the page; Word and LibreOffice repeat the header row on every page.
struct Table {
  std::vector<double> widths;  // relative column widths
  std::vector<Cell> header;    // may be empty
  std::vector<std::vector<Cell>> rows;
};

class Document {
 public:
  explicit Document(std::string_view title);  // the document's title in its properties
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  void title(std::string_view text);               // style Title
  void heading(int level, std::string_view text);  // styles Heading1..Heading3
  void paragraph(const Paragraph& paragraph);
  void table(const Table& table);
  void page_break();

  // The .docx file's bytes. Call once.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace uppsikt::report::docx
