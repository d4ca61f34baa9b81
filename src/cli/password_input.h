#pragma once
// A password from standard input (--password-stdin): the first line, without its line end.
#include <string>

namespace uppsikt::cli {
std::string read_password_line();  // throws UsageError when stdin is empty
}
