#pragma once
// A round's answers, as many as a national round holds (1.7 million), for a client that takes
// them all (the API's stream): the current answers of the units whose responses the viewer may
// see, with comments, whatever the responses' status, read a page at a time so that memory stays
// the same however many there are. Each page is a short read of its own, so a save made while
// the stream runs may show or not, as in any paged list; no answer shows twice or is skipped.
#include <optional>
#include <set>
#include <vector>

#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

class AnswerStream {
 public:
  // Nothing when the round does not exist or the viewer does not see it (can_see_round).
  static std::optional<AnswerStream> open(store::Store& store, const Viewer& viewer, Id round_id);

  // The next answers, in order of response and question; empty once all were given.
  std::vector<store::Tx::UnitAnswer> next(int page_size = 2000);

 private:
  AnswerStream(store::Store& store, Id round_id, std::set<Id> units)
      : store_(&store), round_id_(round_id), units_(std::move(units)) {}

  store::Store* store_;
  Id round_id_;
  std::set<Id> units_;  // whose answers the viewer may see
  Id after_response_ = 0;
  Id after_question_ = 0;
  bool done_ = false;
};

}  // namespace uppsikt::service
