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

std::string record(std::initializer_list<std::string_view> cells) {
  std::string out;
  bool first = true;
  for (std::string_view cell : cells) {
    if (!first) out += ';';
    out += field(cell);
    first = false;
  }
  out += "\r\n";
  return out;
}

}  // namespace uppsikt::csv
