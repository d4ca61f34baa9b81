#pragma once
// A workbook opened for the tests: one sheet's cells by reference ("A1"), shared strings
// looked up, with the sheet's XML. The package is unpacked with docx_reader.h's unzip.
#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

#include "report/docx_reader.h"

namespace uppsikt::testing {

struct Sheet {
  std::map<std::string, std::string> cells;
  std::map<std::string, std::string> types;  // the cell's t attribute: "s", "inlineStr", "" for a number
  std::string xml;
};

inline Sheet read_sheet(const std::map<std::string, std::string>& files, const std::string& name) {
  std::vector<std::string> shared;
  pugi::xml_document strings;
  if (files.contains("xl/sharedStrings.xml")) strings.load_string(files.at("xl/sharedStrings.xml").c_str());
  for (auto si : strings.child("sst").children("si")) {
    std::string text;
    for (auto t : si.select_nodes(".//t")) text += t.node().text().get();
    shared.push_back(text);
  }
  Sheet sheet{{}, {}, files.at(name)};
  pugi::xml_document doc;
  doc.load_string(sheet.xml.c_str());
  for (auto row : doc.child("worksheet").child("sheetData").children("row"))
    for (auto c : row.children("c")) {
      const std::string type = c.attribute("t").value();
      std::string value = c.child("v").text().get();
      if (type == "s") value = shared.at(std::stoul(value));
      if (type == "inlineStr") value = c.child("is").child("t").text().get();
      sheet.cells[c.attribute("r").value()] = value;
      sheet.types[c.attribute("r").value()] = type;
    }
  return sheet;
}

}  // namespace uppsikt::testing
