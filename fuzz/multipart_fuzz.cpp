// libFuzzer target for the multipart/form-data parser, which reads every upload before anyone
// is signed in to a page that checks it: the input's first line is the Content-Type header,
// the rest the body. Whatever the bytes, the parser answers an error value or parts, never an
// exception or a crash, keeps to kMaxFormParts, and every part it gives is cut from the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/multipart.h"

namespace {

bool within(std::string_view outer, std::string_view inner) {
  return inner.empty() || outer.find(inner) != std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace uppsikt::http;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto line_end = input.find('\n');
  const auto content_type = input.substr(0, line_end);
  const auto body = line_end == std::string_view::npos ? std::string_view() : input.substr(line_end + 1);
  const auto boundary = multipart_boundary(content_type);
  if (!boundary) return 0;
  const Multipart form = parse_multipart(body, *boundary);
  if (form.parts.size() > kMaxFormParts) std::abort();
  for (const auto& part : form.parts)
    if (!within(body, part.body)) std::abort();
  (void)form.field("fil");
  (void)form.files("fil");
  return 0;
}
