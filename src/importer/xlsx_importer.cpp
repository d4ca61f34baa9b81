#include "importer/xlsx_importer.h"

#include <pugixml.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "importer/block_reader.h"
#include "importer/docx_package.h"
#include "importer/line_rules.h"
#include "importer/xml_text.h"

namespace uppsikt::importer {
namespace {

// Sheet XML is flat: rows in sheetData, cells in rows.
constexpr int kMaxDepth = 64;
// A follow-up has a few dozen columns; "XFD" (the last Excel column) is 16,384.
constexpr std::size_t kMaxColumns = 256;

DocxLimits workbook_limits() {
  DocxLimits limits;
  limits.name = "Excel-arbetsboken";
  limits.not_this = "ingen Excel-arbetsbok (.xlsx)";
  return limits;
}

std::string part(std::string_view bytes, const std::string& name) {
  return read_docx_part(bytes, name.c_str(), workbook_limits());
}

bool has_part(std::string_view bytes, const std::string& name) {
  try {
    part(bytes, name);
    return true;
  } catch (const ImportFailure&) {
    return false;
  }
}

// The text of a shared string or an inline string: its t, or its runs' t.
std::string string_item(const pugi::xml_node& si) {
  std::string out;
  for (pugi::xml_node c : si.children()) {
    if (local_name(c) == "t") out += c.text().get();
    else if (local_name(c) == "r")
      for (pugi::xml_node t : c.children())
        if (local_name(t) == "t") out += t.text().get();
  }
  return well_formed_utf8(std::move(out));
}

std::vector<std::string> shared_strings(std::string_view bytes) {
  std::vector<std::string> out;
  if (!has_part(bytes, "xl/sharedStrings.xml")) return out;
  pugi::xml_document document;
  load_xml(document, part(bytes, "xl/sharedStrings.xml"), "Excel-arbetsbokens texter (xl/sharedStrings.xml)", kMaxDepth);
  for (pugi::xml_node si : document.first_child().children())
    if (local_name(si) == "si") out.push_back(string_item(si));
  return out;
}

// The first sheet's part: workbook.xml names it, its relationships say where it is.
std::string first_sheet(std::string_view bytes) {
  pugi::xml_document workbook, rels;
  load_xml(workbook, part(bytes, "xl/workbook.xml"), "Excel-arbetsboken (xl/workbook.xml)", kMaxDepth);
  std::string id;
  for (pugi::xml_node sheets : workbook.first_child().children())
    if (local_name(sheets) == "sheets")
      for (pugi::xml_node sheet : sheets.children())
        if (id.empty() && local_name(sheet) == "sheet")
          for (pugi::xml_attribute a : sheet.attributes())
            if (std::string_view(a.name()).ends_with(":id")) id = a.value();
  if (!id.empty() && has_part(bytes, "xl/_rels/workbook.xml.rels")) {
    load_xml(rels, part(bytes, "xl/_rels/workbook.xml.rels"), "Excel-arbetsbokens relationer", kMaxDepth);
    for (pugi::xml_node r : rels.first_child().children())
      if (id == r.attribute("Id").value()) {
        std::string target = r.attribute("Target").value();
        if (target.starts_with("/")) return target.substr(1);
        return "xl/" + target;
      }
  }
  return "xl/worksheets/sheet1.xml";
}

// "C12" → 2 (zero-based column), or nothing.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t column = 0, letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0 || column > kMaxColumns) return std::nullopt;
  return column - 1;
}

std::string cell_value(const pugi::xml_node& c, const std::vector<std::string>& strings) {
  const std::string_view type = c.attribute("t").value();
  if (type == "inlineStr") {
    for (pugi::xml_node is : c.children())
      if (local_name(is) == "is") return string_item(is);
    return {};
  }
  std::string value;
  for (pugi::xml_node v : c.children())
    if (local_name(v) == "v") value = v.text().get();
  if (type == "s") {
    const std::size_t index = std::strtoul(value.c_str(), nullptr, 10);
    return index < strings.size() ? strings[index] : std::string();
  }
  if (type == "b") return value == "1" ? "Ja" : "Nej";
  return well_formed_utf8(std::move(value));
}

// One line per line break of a cell, a paragraph break between.
BlockCell cell_lines(const std::string& value, int row) {
  BlockCell cell;
  for (std::string_view line : split_lines(value)) {
    if (is_blank(line)) {
      if (!cell.empty() && !cell.back().text.empty()) cell.push_back({"", row, 0, ""});
      continue;
    }
    if (!cell.empty() && !cell.back().text.empty()) cell.push_back({"", row, 0, ""});
    cell.push_back({collapse_space(line), row, 0, "Rad " + std::to_string(row)});
  }
  return cell;
}

}  // namespace

FollowUp parse_xlsx(std::string_view bytes, const ReadOptions& options) {
  const std::vector<std::string> strings = shared_strings(bytes);
  pugi::xml_document sheet;
  load_xml(sheet, part(bytes, first_sheet(bytes)), "Excel-arbetsbokens första blad", kMaxDepth);
  TableBlock table;
  for (pugi::xml_node data : sheet.first_child().children()) {
    if (local_name(data) != "sheetData") continue;
    for (pugi::xml_node r : data.children()) {
      if (local_name(r) != "row") continue;
      const int number = r.attribute("r").as_int(static_cast<int>(table.rows.size()) + 1);
      BlockRow row;
      for (pugi::xml_node c : r.children()) {
        if (local_name(c) != "c") continue;
        const auto column = column_of(c.attribute("r").value());
        const std::size_t at = column.value_or(row.size());
        if (at >= kMaxColumns) continue;
        if (row.size() <= at) row.resize(at + 1);
        row[at] = cell_lines(cell_value(c, strings), number);
      }
      table.rows.push_back(std::move(row));
    }
  }
  return read_blocks({std::move(table)}, options);
}

}  // namespace uppsikt::importer
