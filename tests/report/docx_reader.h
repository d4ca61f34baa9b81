#pragma once
// A .docx opened for the tests: its parts by name, and the text of its document.xml in order.
#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <string>

namespace uppsikt::testing {

inline std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    if (source) zip_source_free(source);
    return parts;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    std::string content;
    char buffer[8192];
    for (zip_int64_t n; (n = zip_fread(file, buffer, sizeof buffer)) > 0;) content.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
    parts[zip_get_name(archive, static_cast<zip_uint64_t>(i), 0)] = content;
  }
  zip_discard(archive);
  return parts;
}

// The text of a WordprocessingML part: paragraphs end in "\n", tabs and breaks as such.
inline std::string word_text(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    const std::string name = child.name();
    if (name == "w:t") out += child.text().get();
    else if (name == "w:tab") out += '\t';
    else if (name == "w:br") out += '\n';
    else out += word_text(child);
    if (name == "w:p") out += '\n';
  }
  return out;
}

}  // namespace uppsikt::testing
