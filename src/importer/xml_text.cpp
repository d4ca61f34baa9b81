#include "importer/xml_text.h"

#include <unicode/utf8.h>

#include <cstdint>

#include "importer/followup.h"

namespace uppsikt::importer {
namespace {

struct DepthCheck : pugi::xml_tree_walker {
  explicit DepthCheck(int max) : max_depth(max) {}
  bool for_each(pugi::xml_node&) override { return depth() < max_depth; }
  int max_depth;
};

}  // namespace

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string well_formed_utf8(std::string text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());  // parts are far below 2 GB
  std::string out;
  bool replaced = false;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (!replaced) out.assign(text, 0, static_cast<std::size_t>(start));  // the good part before
      replaced = true;
      out += "\uFFFD";
    } else if (replaced) {
      out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  return replaced ? out : text;
}

void load_xml(pugi::xml_document& document, std::string_view xml, const std::string& what, int max_depth) {
  // parse_default leaves DOCTYPE and entity declarations unparsed: nothing is expanded.
  const auto result = document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) throw ImportFailure(what + " är skadat: " + result.description());
  DepthCheck depth(max_depth);  // pugixml walks the tree without recursion
  if (!document.traverse(depth)) throw ImportFailure(what + " är för djupt nästlat och har inte lästs");
}

}  // namespace uppsikt::importer
