#include "service/overview.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/collate.h"
#include "core/text.h"
#include "core/unit_tree.h"
#include "service/round_units.h"

namespace uppsikt::service {
namespace {

Progress progress_of_round(store::Tx& tx, Id round_id) {
  std::vector<ResponseStatus> statuses;
  for (const auto& r : tx.responses(round_id)) statuses.push_back(r.status);
  return progress_of(statuses);
}

RoundSummary summary_of(store::Tx& tx, const Round& round) {
  return {round, progress_of_round(tx, round.id), static_cast<int>(tx.questions(round.id).size())};
}

void count_choice(UnitRow& row, std::string_view choice, int count) {
  if (choice == "Ja") row.yes += count;
  else if (choice == "Nej") row.no += count;
  else if (choice == "Delvis") row.partly += count;
  else if (choice == "Ej aktuellt") row.not_applicable += count;
}

struct SortParam {
  UnitSort sort;
  std::string_view param;
};
constexpr std::array<SortParam, 6> kSortParams{{
    {UnitSort::name, "namn"},
    {UnitSort::status, "status"},
    {UnitSort::yes, "ja"},
    {UnitSort::no, "nej"},
    {UnitSort::answered, "besvarade"},
    {UnitSort::activity, "aktivitet"},
}};

// Orders rows by the chosen key, then by Swedish name so that ties read alphabetically.
void sort_rows(std::vector<UnitRow>& rows, UnitSort sort, bool descending) {
  if (sort == UnitSort::activity) {
    std::stable_sort(rows.begin(), rows.end(), [&](const UnitRow& a, const UnitRow& b) {
      if (a.last_changed_at != b.last_changed_at)
        return descending ? a.last_changed_at > b.last_changed_at : a.last_changed_at < b.last_changed_at;
      return swedish_less(a.unit.name, b.unit.name);
    });
    return;
  }
  auto key = [sort](const UnitRow& r) {
    switch (sort) {
      case UnitSort::status: return static_cast<int>(r.status);
      case UnitSort::yes: return r.yes;
      case UnitSort::no: return r.no;
      case UnitSort::answered: return r.answered;
      case UnitSort::name:
      case UnitSort::activity: break;
    }
    return 0;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const UnitRow& a, const UnitRow& b) {
    if (key(a) != key(b)) return descending ? key(a) > key(b) : key(a) < key(b);
    if (sort == UnitSort::name && descending) return swedish_less(b.unit.name, a.unit.name);
    return swedish_less(a.unit.name, b.unit.name);
  });
}

// Answers per choice, answered and required questions per row, and the latest change with
// who made it.
void count_required(store::Tx& tx, Id round_id, std::vector<UnitRow>& rows) {
  const auto questions = tx.questions(round_id);
  std::map<Id, const Question*> question_of;
  for (const auto& q : questions) question_of[q.id] = &q;
  std::map<Id, UnitRow*> row_of;
  for (auto& row : rows) {
    row_of[row.response_id] = &row;
    for (const auto& q : questions) row.required += asks(q, row.unit) ? 1 : 0;
  }
  for (const auto& tally : tx.answer_tallies(round_id)) {
    auto row = row_of.find(tally.response_id);
    if (row == row_of.end()) continue;
    UnitRow& r = *row->second;
    for (const auto& [choice, count] : tally.choices) count_choice(r, choice, count);
    r.answered += tally.answered_by_all;
    for (Id question_id : tally.answered_limited)
      if (auto q = question_of.find(question_id); q != question_of.end() && asks(*q->second, r.unit)) ++r.answered;
    r.last_changed_at = tally.last_changed_at;
    r.last_changed_by = tally.last_changed_by;
  }
}

bool passes(const UnitRow& row, const UnitFilter& filter) {
  if (filter.status && row.status != *filter.status) return false;
  if (filter.kind && row.unit.kind != *filter.kind) return false;
  const auto search = fold_case(trim(filter.search));
  return search.empty() || fold_case(row.unit.name).find(search) != std::string::npos;
}

}  // namespace

std::optional<RoundView> round_view_in(store::Tx& tx, const Viewer* viewer, Id round_id, UnitSort sort,
                                       bool descending, const UnitFilter& filter = {});

UnitSort unit_sort_from_param(std::string_view param) {
  for (const auto& p : kSortParams)
    if (p.param == param) return p.sort;
  return UnitSort::name;
}

std::string_view to_param(UnitSort sort) {
  for (const auto& p : kSortParams)
    if (p.sort == sort) return p.param;
  return "namn";
}

std::vector<RoundSummary> round_summaries(store::Store& store) {
  auto tx = store.begin();
  std::vector<RoundSummary> out;
  for (auto& round : tx->rounds()) out.push_back(summary_of(*tx, round));
  return out;
}

std::vector<RoundSummary> round_summaries(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  const UnitTree tree(tx->units());
  std::vector<RoundSummary> out;
  for (auto& round : tx->rounds())
    if (can_see_round(viewer, tree, round, round_unit_ids(*tx, round.id))) out.push_back(summary_of(*tx, round));
  return out;
}

std::optional<RoundView> round_view(store::Store& store, Id round_id, UnitSort sort, bool descending) {
  auto tx = store.begin_read();
  return round_view_in(*tx, nullptr, round_id, sort, descending);
}

std::optional<RoundView> round_view(store::Store& store, const Viewer& viewer, Id round_id, UnitSort sort,
                                    bool descending, const UnitFilter& filter) {
  auto tx = store.begin_read();
  return round_view_in(*tx, &viewer, round_id, sort, descending, filter);
}

// The round's view read in `tx`; with a viewer, only the units they may see.
std::optional<RoundView> round_view_in(store::Tx& tx_ref, const Viewer* viewer, Id round_id, UnitSort sort,
                                       bool descending, const UnitFilter& filter) {
  auto* tx = &tx_ref;
  auto round = tx->round(round_id);
  if (!round) return std::nullopt;

  RoundView view{*round, progress_of_round(*tx, round_id),
                 static_cast<int>(tx->questions(round_id).size()), {}};
  std::map<Id, Unit> units;
  const auto all_units = tx->units();
  for (auto& u : all_units) units.emplace(u.id, u);
  std::optional<std::set<Id>> visible;
  const UnitTree tree(all_units);
  if (viewer) visible = visible_units(*viewer, tree, all_units, *round);
  const auto responses = tx->responses(round_id);
  if (viewer) {
    std::vector<Id> round_units;
    for (const auto& r : responses) round_units.push_back(r.unit_id);
    if (!can_see_round(*viewer, tree, *round, round_units)) return std::nullopt;
    view.manageable = can_manage_round(*viewer, tree, *round, round_units);
    view.compiled_visible = can_view_compiled(*viewer, tree, *round, round_units);
  }

  for (const auto& response : responses) {
    auto unit = units.find(response.unit_id);
    if (unit == units.end()) continue;
    if (visible && !visible->contains(unit->first)) continue;
    UnitRow row{.unit = unit->second, .response_id = response.id, .status = response.status,
                .updated_at = response.updated_at, .deadline = response.deadline};
    if (unit->second.parent_id) {
      auto parent = units.find(*unit->second.parent_id);
      if (parent != units.end()) row.parent = parent->second;
    }
    view.units.push_back(std::move(row));
  }
  count_required(*tx, round_id, view.units);
  if (visible) {
    std::vector<ResponseStatus> statuses;
    for (const auto& row : view.units) statuses.push_back(row.status);
    view.progress = progress_of(statuses);
  }
  std::erase_if(view.units, [&](const UnitRow& row) { return !passes(row, filter); });
  sort_rows(view.units, sort, descending);
  return view;
}

}  // namespace uppsikt::service
