#include "service/report_publishing.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "report/model_json.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/report_data.h"
#include "service/round_units.h"
#include "service/webhooks.h"

namespace uppsikt::service {
namespace {

// A frozen report holds every unit's answer for the long forms; the page and the documents
// list them only up to kMostUnitsListed units, as report_data does for a live report.
void without_unit_lists(report::CompiledReport& report) {
  if (static_cast<std::size_t>(report.units_asked) <= kMostUnitsListed) return;
  report.units_listed = false;
  for (auto& section : report.sections)
    for (auto& question : section.questions) question.answers.clear();
}

std::string publication_json(const std::optional<Publication>& p) {
  if (!p) return "";
  nlohmann::json out{{"with_comments", p->with_comments}, {"published_at", p->published_at}};
  if (p->version > 0) out["version"] = p->version;
  return out.dump();
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
  Publication after{.round_id = round_id, .with_comments = *with_comments, .published_at = now_iso(),
                          .published_by = viewer.user_id};
  tx->save_publication(after);
  after.version = freeze_publication(*tx, after);
  audit_publication(*tx, viewer, *round, "report_publish", before, after);
  queue_round_webhooks(*tx, *round, "report.published", system_now());
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

int freeze_publication(store::Tx& tx, const Publication& publication) {
  // Trends only from rounds that are published too: the others' numbers are not public.
  ReportFilter filter{.with_comments = publication.with_comments, .trend_rounds = std::set<Id>{},
                      .listing = UnitListing::always};
  for (const auto& other : tx.publications()) filter.trend_rounds->insert(other.round_id);
  filter.trend_rounds->insert(publication.round_id);
  auto report = compiled_report(tx, publication.round_id, filter);
  if (!report) throw std::logic_error("freeze_publication: no such round");
  report->generated_at = publication.published_at;  // "Skapad" is the publishing, not the reading
  return tx.add_publication_version(publication, report::to_stored_json(*report));
}

std::optional<report::CompiledReport> published_report(store::Store& store, Id round_id, UnitListing listing,
                                                       int version) {
  ReportFilter filter{.trend_rounds = std::set<Id>{}, .listing = listing};
  {
    auto tx = store.begin_read();
    auto p = tx->publication(round_id);
    if (!p) return std::nullopt;
    const auto versions = tx->publication_versions(round_id);
    if (!versions.empty() || version != 0) {
      if (version == 0) version = versions.back().version;
      auto text = tx->publication_report(round_id, version);
      auto report = text ? report::from_stored_json(*text) : std::nullopt;
      if (!report) return report;
      if (listing == UnitListing::up_to_limit) without_unit_lists(*report);
      // A round withdrawn since is no longer public: its numbers leave the trends.
      std::set<std::string> public_rounds;
      for (const auto& other : tx->publications())
        if (auto r = tx->round(other.round_id)) public_rounds.insert(r->name);
      for (auto& section : report->sections)
        for (auto& q : section.questions)
          std::erase_if(q.trend, [&](const report::TrendPoint& t) { return !public_rounds.contains(t.round_name); });
      return report;
    }
    filter.with_comments = p->with_comments;
    for (const auto& other : tx->publications()) filter.trend_rounds->insert(other.round_id);
  }
  return compiled_report(store, round_id, filter);
}

std::vector<Publication> published_versions(store::Store& store, Id round_id) {
  auto tx = store.begin_read();
  if (!tx->publication(round_id)) return {};
  return tx->publication_versions(round_id);
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
