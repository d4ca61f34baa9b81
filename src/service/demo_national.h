#pragma once
// A national follow-up to try Uppsikt at scale (uppsikt demo --scale national): Sverige →
// 21 län → 290 municipalities → 30–50 committees, administrations and companies each (about
// 12,000 units), a national programme of 50 measures, three yearly rounds of 50 questions and
// every unit's answers with varied Swedish comments (about 1.8 million). Deterministic: the
// same database every time, and a smaller scale is a prefix of the full one.
#include <functional>

#include "service/demo_accounts.h"
#include "store/store.h"

namespace uppsikt::service {

struct NationalOptions {
  int municipalities = 290;  // fewer for tests; taken round the regions, one each in turn
};

struct NationalSummary {
  int units = 0;
  int municipalities = 0;
  int rounds = 0;
  int questions = 0;  // per round
  int responses = 0;
  long long answers = 0;
};

// Told after each municipality: how many are done of all, and the answers so far.
using NationalProgress = std::function<void(int done, int total, long long answers)>;

// Fills an empty database; each municipality is written in one transaction of its own.
// Throws std::runtime_error when the database already holds rounds.
NationalSummary build_national_demo(store::Store& store, const NationalOptions& options,
                                    const NationalProgress& progress);

// The units the demo accounts get their roles on (add_demo_accounts).
DemoAccountUnits national_demo_units();

}  // namespace uppsikt::service
