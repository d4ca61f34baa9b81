#include "core/csv.h"

namespace uppsikt::csv {

std::string neutralise(std::string_view cell) {
  if (cell.empty()) return {};
  const char first = cell.front();
  const bool formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  std::string out;
  if (formula) out += '\'';
  out += cell;
  return out;
}

std::string field(std::string_view cell) {
  const std::string safe = neutralise(cell);
  if (safe.find_first_of(";\"\r\n") == std::string::npos) return safe;
  std::string out = "\"";
  for (const char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string record(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ';';
    out += field(cells[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace uppsikt::csv
