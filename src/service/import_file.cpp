#include "service/import_file.h"

#include <fstream>
#include <sstream>

#include "core/text.h"
#include "importer/docx_importer.h"
#include "importer/odt_importer.h"
#include "importer/pdf_importer.h"
#include "importer/text_importer.h"
#include "importer/xlsx_importer.h"

namespace uppsikt::service {
namespace {

// Follow-ups are a few MB at most; a bigger file is refused before it is read into memory.
constexpr std::uintmax_t kMaxFileBytes = 100u << 20;

std::string read_all(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > kMaxFileBytes && !ec)
    throw ImportError(path.string() + ": filen är större än 100 MB och har inte lästs");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImportError(path.string() + ": filen går inte att läsa");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw ImportError(path.string() + ": filen går inte att läsa");
  return std::move(out).str();
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += extra + 1;
  }
  return true;
}

std::string name_of(std::string_view file_name) { return std::string(file_name); }

importer::FollowUp read_text(std::string_view file_name, std::string_view bytes, const importer::ReadOptions& options) {
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from Windows editors
  if (!valid_utf8(text)) throw ImportError(name_of(file_name) + ": texten är inte UTF-8");
  return importer::parse_text(text, options);
}

// The importers say what is wrong with the bytes; the file name is added here, where it is known.
template <typename Parse>
importer::FollowUp read_binary(std::string_view file_name, std::string_view bytes, Parse parse,
                               const importer::ReadOptions& options) {
  try {
    return parse(bytes, options);
  } catch (const importer::ImportFailure& e) {
    throw ImportError(name_of(file_name) + ": " + e.what());
  }
}

std::string extension_of(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  const std::size_t slash = file_name.find_last_of("/\\");
  if (dot == std::string_view::npos || dot == 0 || (slash != std::string_view::npos && dot < slash)) return "";
  return std::string(file_name.substr(dot));
}

}  // namespace

importer::FollowUp read_followup_file(const std::filesystem::path& path, const importer::ReadOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ImportError(path.string() + ": filen finns inte");
  return read_followup_bytes(path.string(), read_all(path), options);
}

importer::FollowUp read_followup_bytes(std::string_view file_name, std::string_view bytes,
                                       const importer::ReadOptions& options) {
  const std::string extension = extension_of(file_name);
  const std::string ext = fold_case(extension);
  if (ext == ".txt") return read_text(file_name, bytes, options);
  if (ext == ".docx") return read_binary(file_name, bytes, importer::parse_docx, options);
  if (ext == ".pdf") return read_binary(file_name, bytes, importer::parse_pdf, options);
  if (ext == ".odt") return read_binary(file_name, bytes, importer::parse_odt, options);
  if (ext == ".xlsx") return read_binary(file_name, bytes, importer::parse_xlsx, options);
  throw ImportError(name_of(file_name) + ": okänd filtyp \"" + extension +
                    "\" (Uppsikt läser .docx, .odt, .xlsx, .pdf och .txt)");
}

}  // namespace uppsikt::service
