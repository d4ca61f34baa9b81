#include "report/plain_text.h"

#include <gtest/gtest.h>

namespace uppsikt::report {
namespace {

TEST(PrintableTest, KeepsSwedishTextTabsAndNewlines) {
  EXPECT_EQ(printable("Åtgärd\tär klar\nnästa år – 100\u00A0%"), "Åtgärd\tär klar\nnästa år – 100\u00A0%");
}

TEST(PrintableTest, TurnsWindowsLineEndsIntoNewlines) { EXPECT_EQ(printable("a\r\nb\rc"), "a\nb\nc"); }

TEST(PrintableTest, DropsControlCharactersThatXmlForbids) {
  EXPECT_EQ(printable("a\x01" "b\x0B" "c\x1F" "d\x7F" "e\u0085f\uFFFEg"), "abcdefg");
  EXPECT_EQ(printable(std::string("a\0b", 3)), "ab");
}

TEST(PrintableTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(printable("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(printable("\xC3"), "\uFFFD");                  // cut short
  EXPECT_EQ(printable("\xC0\xAF"), "\uFFFD\uFFFD");        // overlong "/"
  EXPECT_EQ(printable("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate
}

}  // namespace
}  // namespace uppsikt::report
