// The roles of a table's columns, read from the words of its header row.
#include "importer/column_roles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace uppsikt::importer {
namespace {

using testing::Optional;

// A narrow column of a PDF or a Word table breaks its header inside a word; the cell's
// lines joined give the word with a space inside, and it still names the column.
TEST(ColumnRoles, AHeaderBrokenInsideAWordStillNamesItsColumn) {
  EXPECT_THAT(role_of_header("Måluppfylle lse"), Optional(Role::answer));
  EXPECT_THAT(role_of_header("Redovis ning"), Optional(Role::comment));
  EXPECT_THAT(role_of_header("Förväntat resul tat"), Optional(Role::expected));
  const auto roles = header_roles({"Insats", "Målgrupp", "Måluppfylle lse", "Redovisning", "Budget"});
  ASSERT_TRUE(roles);
  EXPECT_EQ((*roles)[2], Role::answer);
  EXPECT_EQ((*roles)[4], Role::extra);
}

// Words that only begin like a role word name no column.
TEST(ColumnRoles, AWordThatOnlyBeginsLikeARoleWordIsNoHeader) {
  EXPECT_EQ(role_of_header("Målsättning"), std::nullopt);
  EXPECT_EQ(role_of_header("Statusrapport"), std::nullopt);
  EXPECT_EQ(role_of_header("Sva rtid"), std::nullopt);
}

}  // namespace
}  // namespace uppsikt::importer
