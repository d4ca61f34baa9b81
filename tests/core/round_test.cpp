#include "core/round.h"

#include <gtest/gtest.h>

namespace uppsikt {
namespace {

const Unit committee{.id = 7, .name = "Miljö- och klimatnämnden", .kind = UnitKind::namnd};
const Unit company{.id = 9, .name = "Stadshus AB", .kind = UnitKind::bolag};

TEST(Asks, AQuestionWithoutAudienceGoesToEveryUnit) {
  EXPECT_TRUE(asks(Question{}, committee));
  EXPECT_TRUE(asks(Question{}, company));
}

TEST(Asks, AnAudienceOfKindsLeavesOtherKindsOut) {
  const Question to_committees{.audience_kinds = {UnitKind::namnd, UnitKind::styrelse}};
  EXPECT_TRUE(asks(to_committees, committee));
  EXPECT_FALSE(asks(to_committees, company));
}

TEST(Asks, ChosenUnitsAreAskedWhateverTheirKind) {
  const Question chosen{.audience_kinds = {UnitKind::namnd}, .audience_units = {9}};
  EXPECT_TRUE(asks(chosen, company));
  EXPECT_TRUE(asks(chosen, committee));
  EXPECT_FALSE(asks(Question{.audience_units = {9}}, committee));
}

}  // namespace
}  // namespace uppsikt
