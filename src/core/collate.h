#pragma once
// Swedish sorting: å, ä, ö after z; case and accents second (ICU's Swedish collation).
#include <string>
#include <string_view>

namespace uppsikt {

// True when `a` sorts before `b` by Swedish rules. Both are UTF-8.
bool swedish_less(std::string_view a, std::string_view b);

// A byte string whose plain order is the Swedish order of `text`.
std::string swedish_sort_key(std::string_view text);

}  // namespace uppsikt
