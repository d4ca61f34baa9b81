#pragma once
// Publishing a round's compiled report: whoever may manage the round (can_manage_round) makes
// it readable by anyone without signing in, over the whole organisation, with or without the
// comments (they may hold personal data), and may withdraw it. Publishing again replaces the
// choice; the address /publicerat/{round} stays the same. Each change is audited with it.
#include <optional>
#include <string>
#include <vector>

#include "core/publication.h"
#include "report/model.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "service/report_data.h"
#include "store/store.h"

namespace uppsikt::service {

// Whether the viewer may publish and withdraw the round's compiled report.
bool may_publish(store::Store& store, const Viewer& viewer, Id round_id);

// Publishes (or republishes) the round's compiled report. `with_comments` is the person's
// choice; nothing (not chosen) is refused with a message about the field "kommentarer".
// A round still in draft cannot be published. Not found also for a round the viewer may not
// manage (refusal audited). Done carries the round's id.
Outcome publish_report(store::Store& store, const Viewer& viewer, Id round_id, std::optional<bool> with_comments);

// Withdraws the publication: /publicerat/{round} answers 404 afterwards. Refused when the
// report is not published.
Outcome withdraw_report(store::Store& store, const Viewer& viewer, Id round_id);

// The round's publication, if its report is published.
std::optional<Publication> publication(store::Store& store, Id round_id);

// The published compiled report (whole organisation, comments only if published with them,
// trends only from rounds whose reports are published too),
// or nothing when the round's report is not published. Needs no sign-in.
std::optional<report::CompiledReport> published_report(store::Store& store, Id round_id,
                                                       UnitListing listing = UnitListing::up_to_limit);

// A published report as the public list shows it.
struct PublishedRound {
  Id round_id = 0;
  std::string name;
  int year = 0;
  bool with_comments = false;
  std::string published_at;
};

// Every published report, newest year first, then by name (Swedish order).
std::vector<PublishedRound> published_rounds(store::Store& store);

}  // namespace uppsikt::service
