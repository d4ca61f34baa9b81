#include "importer/odt_importer.h"

#include <gtest/gtest.h>

#include <string>

#include "docx_builder.h"

namespace uppsikt::importer {
namespace {

std::string cell(const std::string& text, int columns = 1) {
  const std::string span = columns > 1 ? " table:number-columns-spanned=\"" + std::to_string(columns) + "\"" : "";
  std::string out = "<table:table-cell" + span + "><text:p>" + text + "</text:p></table:table-cell>";
  for (int i = 1; i < columns; ++i) out += "<table:covered-table-cell/>";
  return out;
}

std::string row(const std::string& cells) { return "<table:table-row>" + cells + "</table:table-row>"; }

std::string odt(const std::string& text) {
  const std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>" +
      text + "</office:text></office:body></office:document-content>";
  return testing_docx::zip_parts({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

// LibreOffice merges cells over columns with number-columns-spanned and a covered cell in each
// column merged: the cells after a merged one must stay under their own headers.
TEST(OdtImportHeaderTable, ACellMergedOverTwoColumnsKeepsTheNextCellsUnderTheirHeaders) {
  const std::string table =
      "<table:table>" + row(cell("Nr") + cell("Åtgärd") + cell("Ansvarig") + cell("Status") + cell("Kommentar")) +
      row(cell("1") + cell("Ta fram en plan för buller") + cell("Miljönämnden") + cell("Genomförd") +
          cell("Antogs i maj.")) +
      row(cell("Delmål: tystare stad", 5)) +
      row(cell("2") + cell("Se över planen varje år", 2) + cell("Pågår") + cell("Översynen för 2025 är påbörjad.")) +
      "</table:table>";
  const FollowUp followup = parse_odt(odt("<text:h text:outline-level=\"1\">1 Buller</text:h>" + table));
  ASSERT_EQ(followup.questions.size(), 2u);
  const auto& second = followup.questions[1];
  EXPECT_EQ(second.text, "Se över planen varje år");
  EXPECT_EQ(second.answer.value_or(""), "Pågår");
  EXPECT_EQ(second.comment.value_or(""), "Översynen för 2025 är påbörjad.");
  EXPECT_EQ(second.audience.value_or(""), "");
  EXPECT_EQ(followup.questions[0].audience.value_or(""), "Miljönämnden");
}

}  // namespace
}  // namespace uppsikt::importer
