// Counting characters of form input, and refusing what is not UTF-8.
#include <gtest/gtest.h>

#include "core/text.h"

namespace uppsikt {
namespace {

TEST(Utf8Length, CountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("Ja"), 2u);
  EXPECT_EQ(utf8_length("Åtgärd"), 6u);
  EXPECT_EQ(utf8_length("€ 😀"), 3u);
}

TEST(Utf8Length, RefusesBrokenText) {
  EXPECT_FALSE(utf8_length("\xff"));
  EXPECT_FALSE(utf8_length("a\xc3"));            // cut off
  EXPECT_FALSE(utf8_length("\xc0\xaf"));         // overlong "/"
  EXPECT_FALSE(utf8_length("\xed\xa0\x80"));     // a surrogate
  EXPECT_FALSE(utf8_length("\xf4\x90\x80\x80")); // past U+10FFFF
  EXPECT_FALSE(utf8_length("\xc3("));            // not a continuation byte
}

}  // namespace
}  // namespace uppsikt
