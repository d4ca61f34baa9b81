#include "core/csv.h"

#include <gtest/gtest.h>

namespace uppsikt::csv {
namespace {

TEST(Csv, FormulaLikeCellsAreNeutralised) {
  EXPECT_EQ(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(neutralise("+46 8 123"), "'+46 8 123");
  EXPECT_EQ(neutralise("-1"), "'-1");
  EXPECT_EQ(neutralise("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(neutralise("\tx"), "'\tx");
  EXPECT_EQ(neutralise("Ja"), "Ja");
  EXPECT_EQ(neutralise(""), "");
}

TEST(Csv, FieldsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(field("Miljö- och klimatnämnden"), "Miljö- och klimatnämnden");
  EXPECT_EQ(field("a;b"), "\"a;b\"");
  EXPECT_EQ(field("säger \"nej\""), "\"säger \"\"nej\"\"\"");
  EXPECT_EQ(field("rad 1\nrad 2"), "\"rad 1\nrad 2\"");
}

TEST(Csv, RecordsEndWithCrlf) {
  EXPECT_EQ(record({"Fråga", "Svar", "=1+1"}), "Fråga;Svar;'=1+1\r\n");
}

}  // namespace
}  // namespace uppsikt::csv
