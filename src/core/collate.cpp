#include "core/collate.h"

#include <unicode/coll.h>
#include <unicode/sortkey.h>

#include <memory>

namespace uppsikt {
namespace {
// ICU collators are not thread-safe for use, but clones are cheap; one per thread.
const icu::Collator& swedish_collator() {
  static const std::unique_ptr<icu::Collator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("sv", "SE"), status));
    if (U_FAILURE(status) || !c) std::abort();  // ICU's data is part of libicu; never missing
    return c;
  }();
  thread_local const std::unique_ptr<icu::Collator> mine(prototype->clone());
  return *mine;
}

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}
}  // namespace

bool swedish_less(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  return swedish_collator().compare(to_unicode(a), to_unicode(b), status) == UCOL_LESS;
}

std::string swedish_sort_key(std::string_view text) {
  auto u = to_unicode(text);
  const auto& c = swedish_collator();
  int32_t size = c.getSortKey(u, nullptr, 0);
  std::string key(static_cast<std::size_t>(size), '\0');
  c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), size);
  if (!key.empty() && key.back() == '\0') key.pop_back();
  return key;
}

}  // namespace uppsikt
