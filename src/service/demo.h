#pragma once
// A believable city to try Uppsikt on: Göteborg-like units, the three governing documents
// of the seed follow-up, the round "Uppföljning 2024" with the seed's answers for
// Miljöförvaltningen and varied answers for the others, and the same round for 2023.
// Deterministic: the same database every time.
#include <string_view>

#include "store/store.h"

namespace uppsikt::service {

struct DemoSummary {
  int units = 0;
  int rounds = 0;
  int questions = 0;
  int responses = 0;
};

// `followup_text` is the seed follow-up (data/demo/miljoforvaltningen-2024.txt). Throws
// std::runtime_error when the database already holds rounds.
DemoSummary build_demo(store::Store& store, std::string_view followup_text);

}  // namespace uppsikt::service
