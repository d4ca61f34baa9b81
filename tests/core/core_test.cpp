// Core rules a user sees: Swedish sorting, labels, progress, the document outline.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/collate.h"
#include "core/outline.h"
#include "core/response.h"
#include "core/round.h"
#include "core/scale.h"
#include "core/text.h"
#include "core/unit.h"

namespace uppsikt {
namespace {

TEST(SwedishSort, PutsAAndOWithDotsAfterZ) {
  std::vector<std::string> names{"Östra", "Ängen", "Åby", "Zeta", "Alfa", "Örebro"};
  std::sort(names.begin(), names.end(), [](auto& a, auto& b) { return swedish_less(a, b); });
  EXPECT_EQ(names, (std::vector<std::string>{"Alfa", "Zeta", "Åby", "Ängen", "Örebro", "Östra"}));
}

TEST(SwedishSort, IgnoresCaseFirst) {
  EXPECT_TRUE(swedish_less("miljö", "Nämnd"));
  EXPECT_TRUE(swedish_less("Miljö", "nämnd"));
}

TEST(SwedishSort, KeysOrderLikeComparison) {
  EXPECT_LT(swedish_sort_key("Zeta"), swedish_sort_key("Åby"));
  EXPECT_LT(swedish_sort_key("Ängen"), swedish_sort_key("Örebro"));
}

TEST(Labels, ResponseStatusesAreSwedish) {
  EXPECT_EQ(label(ResponseStatus::not_started), "Ej påbörjad");
  EXPECT_EQ(label(ResponseStatus::draft), "Utkast");
  EXPECT_EQ(label(ResponseStatus::submitted), "Inlämnad");
  EXPECT_EQ(label(ResponseStatus::returned), "Återsänd");
  EXPECT_EQ(label(ResponseStatus::approved), "Godkänd");
}

TEST(Codes, RoundTripEveryValue) {
  for (auto s : {ResponseStatus::not_started, ResponseStatus::draft, ResponseStatus::submitted,
                 ResponseStatus::returned, ResponseStatus::approved})
    EXPECT_EQ(response_status_from_code(to_code(s)), s);
  for (auto k : {UnitKind::fullmaktige, UnitKind::styrelse, UnitKind::namnd, UnitKind::forvaltning,
                 UnitKind::bolag, UnitKind::forbund, UnitKind::kommun, UnitKind::lan, UnitKind::nation})
    EXPECT_EQ(unit_kind_from_code(to_code(k)), k);
  for (auto r : {RoundStatus::draft, RoundStatus::open, RoundStatus::closed, RoundStatus::published})
    EXPECT_EQ(round_status_from_code(to_code(r)), r);
  EXPECT_FALSE(response_status_from_code("inlamnad").has_value());
}

TEST(Progress, CountsHandedInAsSubmittedOrApproved) {
  auto p = progress_of({ResponseStatus::approved, ResponseStatus::submitted, ResponseStatus::draft,
                        ResponseStatus::not_started});
  EXPECT_EQ(p.total, 4);
  EXPECT_EQ(p.percent_in(), 50);
  EXPECT_EQ(progress_of({}).percent_in(), 0);
}

TEST(Scale, MatchesOptionsWhateverTheCase) {
  EXPECT_EQ(match_option(standard_options(), "  ja "), "Ja");
  EXPECT_EQ(match_option(standard_options(), "EJ AKTUELLT"), "Ej aktuellt");
  EXPECT_EQ(match_option(standard_options(), "Kanske"), "");
}

TEST(Text, FoldsSwedishLetters) {
  EXPECT_EQ(fold_case("ÅÄÖ Miljö"), "åäö miljö");
  EXPECT_EQ(collapse_space("  a \n\t b  "), "a b");
}

TEST(Outline, ReadsDepthFirstBySiblingPosition) {
  std::vector<Node> nodes{
      {.id = 1, .kind = NodeKind::area, .number = "1.2", .position = 2},
      {.id = 2, .kind = NodeKind::area, .number = "1.1", .position = 1},
      {.id = 3, .parent_id = 2, .kind = NodeKind::item, .number = "1:1", .position = 1},
      {.id = 4, .parent_id = 99, .kind = NodeKind::item, .number = "orphan", .position = 3},
  };
  auto rows = outline(nodes);
  std::vector<std::string> order;
  for (auto& r : rows) order.push_back(r.node->number + "@" + std::to_string(r.depth));
  EXPECT_EQ(order, (std::vector<std::string>{"1.1@0", "1:1@1", "1.2@0", "orphan@0"}));
}

}  // namespace
}  // namespace uppsikt
