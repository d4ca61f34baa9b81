#include "service/import_file.h"

#include <fstream>
#include <sstream>

#include "core/text.h"
#include "importer/text_importer.h"

namespace uppsikt::service {
namespace {

std::string read_all(const std::filesystem::path& path) {
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

}  // namespace

importer::FollowUp read_followup_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw ImportError(path.string() + ": filen finns inte");
  std::string ext = fold_case(path.extension().string());
  if (ext != ".txt")
    throw ImportError(path.string() + ": okänd filtyp \"" + path.extension().string() +
                      "\" (Uppsikt läser .txt)");
  std::string text = read_all(path);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a BOM from Windows editors
  if (!valid_utf8(text)) throw ImportError(path.string() + ": texten är inte UTF-8");
  return importer::parse_text(text);
}

}  // namespace uppsikt::service
