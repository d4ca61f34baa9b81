#include "service/report_publishing.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/report_data.h"
#include "service/round_units.h"

namespace uppsikt::service {
namespace {

std::string publication_json(const std::optional<Publication>& p) {
  if (!p) return "";
  return nlohmann::json{{"with_comments", p->with_comments}, {"published_at", p->published_at}}.dump();
}

void audit_publication(store::Tx& tx, const Viewer& viewer, const Round& round, const char* action,
                       const std::optional<Publication>& before, const std::optional<Publication>& after) {
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = round.unit_id, .action = action, .entity = "round", .entity_id = round.id,
                   .before_json = publication_json(before), .after_json = publication_json(after)});
}

}  // namespace

bool may_publish(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin_read();
  bool exists = false;
  return managed_round(*tx, viewer, round_id, exists).has_value();
}

Outcome publish_report(store::Store& store, const Viewer& viewer, Id round_id, std::optional<bool> with_comments) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "publish report " + std::to_string(round_id));
  if (!with_comments)
    return Outcome::invalid({{"kommentarer", "Välj om sammanställningen ska publiceras med eller utan kommentarer."}});
  if (round->status == RoundStatus::draft)
    return Outcome::invalid({{"kommentarer", "Omgången är inte öppnad än: det finns inga svar att publicera."}});
  const auto before = tx->publication(round_id);
  const Publication after{.round_id = round_id, .with_comments = *with_comments, .published_at = now_iso(),
                          .published_by = viewer.user_id};
  tx->save_publication(after);
  audit_publication(*tx, viewer, *round, "report_publish", before, after);
  tx->commit();
  return Outcome::done(round_id);
}

Outcome withdraw_report(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "withdraw report " + std::to_string(round_id));
  const auto before = tx->publication(round_id);
  if (!before || !tx->delete_publication(round_id))
    return Outcome::invalid({{"publicering", "Sammanställningen är inte publicerad."}});
  audit_publication(*tx, viewer, *round, "report_withdraw", before, std::nullopt);
  tx->commit();
  return Outcome::done(round_id);
}

std::optional<Publication> publication(store::Store& store, Id round_id) {
  return store.begin_read()->publication(round_id);
}

std::optional<report::CompiledReport> published_report(store::Store& store, Id round_id, UnitListing listing) {
  ReportFilter filter{.trend_rounds = std::set<Id>{}, .listing = listing};
  {
    auto tx = store.begin_read();
    auto p = tx->publication(round_id);
    if (!p) return std::nullopt;
    filter.with_comments = p->with_comments;
    for (const auto& other : tx->publications()) filter.trend_rounds->insert(other.round_id);
  }
  // Trends only from rounds that are published too: the others' numbers are not public.
  return compiled_report(store, round_id, filter);
}

std::vector<PublishedRound> published_rounds(store::Store& store) {
  auto tx = store.begin_read();
  std::vector<PublishedRound> out;
  for (const auto& p : tx->publications())
    if (auto round = tx->round(p.round_id))
      out.push_back({p.round_id, round->name, round->year, p.with_comments, p.published_at});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.year != b.year ? a.year > b.year : swedish_less(a.name, b.name);
  });
  return out;
}

}  // namespace uppsikt::service
