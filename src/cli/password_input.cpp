#include "cli/password_input.h"

#include <iostream>

#include "cli/subcommands.h"

namespace uppsikt::cli {

std::string read_password_line() {
  std::string line;
  if (!std::getline(std::cin, line) || line.empty()) throw UsageError("inget lösenord på standard in");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace uppsikt::cli
