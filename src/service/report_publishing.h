#pragma once
// Publishing a round's compiled report: whoever may manage the round (can_manage_round) makes
// it readable by anyone without signing in, over the whole organisation, with or without the
// comments (they may hold personal data), and may withdraw it. Each publishing freezes the
// report as it stands (its numbers, comments, trends and date) as a new numbered version:
// /publicerat/{round} shows the latest, and each version stays readable at its own address
// while the report is published. Each change is audited with it.
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
// trends only from rounds whose reports are published too) as frozen under `version`, 0 for
// the latest, or nothing when the round's report is not published or has no such version.
// Needs no sign-in. A report published before versions were kept is read as it stands now.
std::optional<report::CompiledReport> published_report(store::Store& store, Id round_id,
                                                       UnitListing listing = UnitListing::up_to_limit,
                                                       int version = 0);

// The versions of the round's published report, oldest first; empty when not published.
std::vector<Publication> published_versions(store::Store& store, Id round_id);

// Freezes the round's compiled report as it stands as the next version of `publication`,
// inside the caller's transaction, and returns the version's number. For publish_report and
// the demo, which publish; checks no permission.
int freeze_publication(store::Tx& tx, const Publication& publication);

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
