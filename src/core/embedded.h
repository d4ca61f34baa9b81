#pragma once
// Files compiled into the binary (templates, the demo follow-up), looked up by file name.
// The generated sources from cmake/embed_files.cmake register themselves at start-up.
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

namespace uppsikt::embedded {

// The content of the embedded file `name`, or nothing when no such file was embedded.
std::optional<std::string_view> find(std::string_view name);

struct Registrar {
  Registrar(std::initializer_list<std::pair<std::string_view, std::string_view>> files);
};

}  // namespace uppsikt::embedded
