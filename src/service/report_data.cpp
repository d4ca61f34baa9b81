#include "service/report_data.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/report_assessments.h"
#include "service/report_outline.h"
#include "service/round_units.h"

namespace uppsikt::service {
namespace {

// Handed in: what the reports count. Drafts never are.
const std::vector<ResponseStatus> kHandedIn{ResponseStatus::submitted, ResponseStatus::approved};

bool handed_in(ResponseStatus status) { return std::find(kHandedIn.begin(), kHandedIn.end(), status) != kHandedIn.end(); }

// When the response was handed in: its latest hand-in, or for older records without one its
// last change.
std::string handed_in_time(const Response& r) { return r.handed_in_at.empty() ? r.updated_at : r.handed_in_at; }

// Scale options by scale id, read once per report.
class Scales {
 public:
  explicit Scales(store::Tx& tx) : tx_(tx) {}
  const std::vector<std::string>& options(Id scale_id) {
    auto it = cache_.find(scale_id);
    if (it == cache_.end()) {
      auto scale = tx_.scale(scale_id);
      it = cache_.emplace(scale_id, scale ? scale->options : standard_options()).first;
    }
    return it->second;
  }

 private:
  store::Tx& tx_;
  std::map<Id, std::vector<std::string>> cache_;
};

// ---- The unit report ----------------------------------------------------------------------

std::optional<report::UnitReport> unit_report_in(store::Tx& tx, Id round_id, Id unit_id, const ReportFilter& filter) {
  auto round = tx.round(round_id);
  auto unit = tx.unit(unit_id);
  if (!round || !unit) return std::nullopt;
  auto response = tx.response_of(round_id, unit_id);
  if (!response) return std::nullopt;

  report::UnitReport out{.round_name = round->name, .year = round->year, .unit_name = unit->name,
                         .status = std::string(label(response->status)), .generated_at = now_iso()};
  if (unit->parent_id)
    if (auto parent = tx.unit(*unit->parent_id)) out.parent_name = parent->name;
  if (handed_in(response->status)) out.handed_in_at = handed_in_time(*response);

  std::map<Id, Answer> answers;
  for (auto& a : tx.answers(response->id)) answers.emplace(a.question_id, std::move(a));
  std::vector<Question> asked;
  for (auto& q : tx.questions(round_id))
    if (asks(q, *unit)) asked.push_back(std::move(q));

  Scales scales(tx);
  for (const auto& section : report_outline(tx, asked, filter.document_id)) {
    report::UnitSection s{section.heading, section.document, {}};
    for (const auto& p : section.questions) {
      report::UnitAnswer a{report_question(p, scales.options(p.question->scale_id)), "", ""};
      if (auto it = answers.find(p.question->id); it != answers.end()) {
        a.choice = it->second.choice;
        if (filter.with_comments) a.comment = it->second.comment;
      }
      s.answers.push_back(std::move(a));
    }
    out.sections.push_back(std::move(s));
  }
  return out;
}

// ---- The compiled report ------------------------------------------------------------------

// The units a compiled report covers: those the filter keeps and, for a viewer, those whose
// responses they may see.
struct Coverage {
  std::map<Id, Unit> units;  // every unit, by id
  std::set<Id> kept;
};

Coverage coverage(store::Tx& tx, const Viewer* viewer, const Round& round, const ReportFilter& filter) {
  Coverage c;
  const auto all = tx.units();
  const UnitTree tree(all);
  const auto visible = viewer ? visible_units(*viewer, tree, all, round) : std::set<Id>{};
  for (const auto& u : all) {
    c.units.emplace(u.id, u);
    if (viewer && !visible.contains(u.id)) continue;
    if (filter.scope && !unit_within(tree, u.id, *filter.scope)) continue;
    if (!filter.kinds.empty() && std::find(filter.kinds.begin(), filter.kinds.end(), u.kind) == filter.kinds.end())
      continue;
    c.kept.insert(u.id);
  }
  return c;
}

std::string scope_words(store::Tx& tx, const Coverage& c, const ReportFilter& filter) {
  std::vector<std::string> parts;
  if (filter.scope)
    if (auto it = c.units.find(*filter.scope); it != c.units.end()) parts.push_back(it->second.name + " med underliggande enheter");
  if (!filter.kinds.empty()) {
    std::string kinds;
    for (auto k : filter.kinds) kinds += (kinds.empty() ? "" : ", ") + std::string(label(k));
    parts.push_back("enhetstyper: " + kinds);
  }
  if (filter.document_id)
    if (auto doc = tx.document(*filter.document_id)) parts.push_back("styrdokument: " + doc->title);
  if (parts.empty()) return "Hela organisationen";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

using ChoiceCounts = std::map<std::string, int>;  // choice → units

// Option counts with shares of all counted, in the options' order; a stored choice that is no
// option of the scale (an old import) gets a count of its own after them.
std::vector<report::OptionCount> option_counts(const std::vector<std::string>& options, const ChoiceCounts& counts) {
  std::vector<report::OptionCount> out;
  for (const auto& o : options) out.push_back({o, 0, 0});
  int total = 0;
  for (const auto& [choice, count] : counts) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.option == choice; });
    if (it == out.end()) it = out.insert(out.end(), {choice, 0, 0});
    it->count += count;
    total += count;
  }
  for (auto& c : out) c.share = total == 0 ? 0 : static_cast<double>(c.count) / total;
  return out;
}

// How the kept units answered a round: their responses, the handed-in choices counted per
// question and, when the report lists units, each handed-in answer.
struct RoundAnswers {
  std::map<Id, Response> responses;         // unit id → response, of every kept unit in the round
  std::map<Id, ChoiceCounts> counts;        // question id → handed-in choices
  bool listed = false;                      // whether `by_question` is filled
  std::map<Id, std::vector<store::Tx::UnitAnswer>> by_question;  // question id → handed-in answers
};

enum class Listing { never, up_to_limit, always };

RoundAnswers round_answers(store::Tx& tx, Id round_id, const Coverage& c, Listing listing, bool with_comments) {
  RoundAnswers out;
  for (const auto& r : tx.responses(round_id))
    if (c.kept.contains(r.unit_id)) out.responses.emplace(r.unit_id, r);
  out.listed = listing == Listing::always ||
               (listing == Listing::up_to_limit && out.responses.size() <= kMostUnitsListed);
  if (!out.listed && c.kept.size() == c.units.size()) {  // every unit: the database counts
    for (const auto& n : tx.round_choice_counts(round_id, kHandedIn)) out.counts[n.question_id][n.choice] += n.count;
    return out;
  }
  for (auto& row : tx.round_answers(round_id, kHandedIn, out.listed && with_comments)) {
    if (!c.kept.contains(row.unit_id)) continue;
    ++out.counts[row.answer.question_id][row.answer.choice];
    if (out.listed) out.by_question[row.answer.question_id].push_back(std::move(row));
  }
  return out;
}

const ChoiceCounts& counts_of(const RoundAnswers& answers, Id question_id) {
  static const ChoiceCounts none;
  auto it = answers.counts.find(question_id);
  return it == answers.counts.end() ? none : it->second;
}

// For every item followed up in `round`, how the kept units answered it in each earlier round
// the viewer may read, oldest first.
std::map<Id, std::vector<report::TrendPoint>> trends(store::Tx& tx, const Viewer* viewer, const Round& round,
                                                     const Coverage& c, const ReportFilter& filter,
                                                     Scales& scales) {
  std::vector<Round> earlier;
  const UnitTree tree(tx.units());
  for (auto& r : tx.rounds()) {
    if (r.id == round.id || r.year >= round.year) continue;
    if (viewer && !can_view_compiled(*viewer, tree, r, round_unit_ids(tx, r.id))) continue;
    if (filter.trend_rounds && !filter.trend_rounds->contains(r.id)) continue;
    earlier.push_back(r);
  }
  std::sort(earlier.begin(), earlier.end(), [](const Round& a, const Round& b) { return a.year < b.year; });

  std::map<Id, std::vector<report::TrendPoint>> out;
  for (const auto& r : earlier) {
    const auto questions = tx.questions(r.id);
    if (std::none_of(questions.begin(), questions.end(), [](const Question& q) { return q.node_id.has_value(); }))
      continue;
    const auto answers = round_answers(tx, r.id, c, Listing::never, false);
    for (const auto& q : questions) {
      if (!q.node_id) continue;
      out[*q.node_id].push_back({r.year, r.name, option_counts(scales.options(q.scale_id), counts_of(answers, q.id))});
    }
  }
  return out;
}

// Each unit of the round's place in Swedish order of names: the lists of every question sort
// by it instead of collating the same names again (50 lists of 12,000 in a national round).
std::map<Id, std::size_t> swedish_ranks(const Coverage& c, const RoundAnswers& answers) {
  std::vector<std::pair<std::string, Id>> keyed;
  for (const auto& [unit_id, response] : answers.responses)
    keyed.emplace_back(swedish_sort_key(c.units.at(unit_id).name), unit_id);
  std::sort(keyed.begin(), keyed.end());
  std::map<Id, std::size_t> rank;
  for (std::size_t i = 0; i < keyed.size(); ++i) rank.emplace(keyed[i].second, i);
  return rank;
}

// The question's counts and, when the report lists units, its answers moved out of `answers`
// in Swedish order of unit names.
report::CompiledQuestion compiled_question(const PlacedQuestion& p, const Coverage& c, RoundAnswers& answers,
                                           const std::map<Id, std::size_t>& rank, bool with_comments,
                                           Scales& scales) {
  const Question& q = *p.question;
  report::CompiledQuestion out{.question = report_question(p, scales.options(q.scale_id))};
  if (asks_everyone(q)) out.asked = static_cast<int>(answers.responses.size());
  else
    for (const auto& [unit_id, response] : answers.responses)
      if (asks(q, c.units.at(unit_id))) ++out.asked;
  const auto& counts = counts_of(answers, q.id);
  out.counts = option_counts(out.question.options, counts);
  for (const auto& [choice, count] : counts) out.answered += count;
  auto it = answers.by_question.find(q.id);
  if (it == answers.by_question.end()) return out;
  auto& listed = it->second;
  std::sort(listed.begin(), listed.end(), [&](const auto& a, const auto& b) { return rank.at(a.unit_id) < rank.at(b.unit_id); });
  out.answers.reserve(listed.size());
  for (auto& [unit_id, a] : listed)
    out.answers.push_back({unit_id, c.units.at(unit_id).name, std::move(a.choice),
                           with_comments ? std::move(a.comment) : "", handed_in_time(answers.responses.at(unit_id))});
  answers.by_question.erase(it);  // moved out: a national round's answers are not held twice
  return out;
}

// Adds `from` into `into`, by option, keeping the order of first appearance.
void add_counts(std::vector<report::OptionCount>& into, const std::vector<report::OptionCount>& from) {
  for (const auto& c : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const auto& x) { return x.option == c.option; });
    if (it == into.end()) it = into.insert(into.end(), {c.option, 0, 0});
    it->count += c.count;
  }
}

// One summary per section heading, over its questions and those of the headings under it.
std::vector<report::Summary> summaries(const std::vector<report::CompiledSection>& sections) {
  std::vector<report::Summary> out;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    report::Summary s{sections[i].heading, 0, {}};
    int answered = 0;
    for (std::size_t j = i; j < sections.size() && (j == i || sections[j].heading.level > sections[i].heading.level); ++j)
      for (const auto& q : sections[j].questions) {
        ++s.questions;
        answered += q.answered;
        add_counts(s.counts, q.counts);
      }
    for (auto& c : s.counts) c.share = answered == 0 ? 0 : static_cast<double>(c.count) / answered;
    if (s.questions > 0) out.push_back(std::move(s));
  }
  return out;
}

// The cover for the council and the assessment's heading, named for the sender: the one given,
// else the round's coordinating unit, else the default.
void add_cover(store::Tx& tx, const Round& round, report::CompiledReport& out) {
  const auto cover = tx.report_cover(round.id).value_or(ReportCover{});
  out.sender = cover.sender;
  if (out.sender.empty() && round.unit_id)
    if (auto unit = tx.unit(*round.unit_id)) out.sender = unit->name;
  if (out.sender.empty()) out.sender = kDefaultSender;
  out.assessment_heading = assessment_heading(out.sender);
  out.report_date = cover.date;
  out.registration_number = cover.registration_number;
}

std::optional<report::CompiledReport> compiled_report_in(store::Tx& tx, const Viewer* viewer, Id round_id,
                                                         const ReportFilter& filter) {
  auto round = tx.round(round_id);
  if (!round) return std::nullopt;
  const auto c = coverage(tx, viewer, *round, filter);
  auto answers = round_answers(
      tx, round_id, c, filter.listing == UnitListing::always ? Listing::always : Listing::up_to_limit,
      filter.with_comments);
  const auto rank = swedish_ranks(c, answers);
  Scales scales(tx);
  const auto trend_of = trends(tx, viewer, *round, c, filter, scales);

  report::CompiledReport out{.round_name = round->name, .year = round->year, .generated_at = now_iso(),
                             .scope = scope_words(tx, c, filter), .with_comments = filter.with_comments,
                             .units_listed = answers.listed};
  std::vector<Id> not_answered;
  for (const auto& [unit_id, response] : answers.responses) {
    ++out.units_asked;
    if (handed_in(response.status)) ++out.units_handed_in;
    else not_answered.push_back(unit_id);
  }
  std::sort(not_answered.begin(), not_answered.end(), [&](Id a, Id b) { return rank.at(a) < rank.at(b); });
  for (Id unit_id : not_answered) out.units_not_answered.push_back(c.units.at(unit_id).name);

  const auto assessments = tx.assessments(round_id);
  auto assessment_of = [&](const std::string& target) {
    auto it = assessments.find(target);
    return it == assessments.end() ? std::string() : it->second;
  };
  add_cover(tx, *round, out);
  out.assessment = assessment_of(kRoundTarget);
  const auto questions = tx.questions(round_id);
  for (const auto& section : report_outline(tx, questions, filter.document_id)) {
    report::CompiledSection s{section.heading, section.document, {}};
    if (!section.key.empty()) s.assessment = assessment_of(section.key);
    for (const auto& p : section.questions) {
      auto q = compiled_question(p, c, answers, rank, filter.with_comments, scales);
      q.assessment = assessment_of(question_target(p.question->id));
      if (p.question->node_id)
        if (auto it = trend_of.find(*p.question->node_id); it != trend_of.end()) q.trend = it->second;
      s.questions.push_back(std::move(q));
    }
    out.sections.push_back(std::move(s));
  }
  out.summaries = summaries(out.sections);
  return out;
}

void audit_report_refusal(store::Store& store, const Viewer& viewer, std::optional<Id> unit_id, const std::string& what) {
  audit_refusal(store, actor_of(viewer), unit_id, "not_permitted", what);
}

}  // namespace

UnitListing listing_for(report::Format format) {
  using F = report::Format;
  return format == F::csv || format == F::xlsx || format == F::json ? UnitListing::always : UnitListing::up_to_limit;
}

std::optional<report::UnitReport> unit_report(store::Store& store, Id round_id, Id unit_id, const ReportFilter& filter) {
  auto tx = store.begin_read();
  return unit_report_in(*tx, round_id, unit_id, filter);
}

std::optional<report::UnitReport> unit_report(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                                              const ReportFilter& filter) {
  bool refused = false;
  {
    auto tx = store.begin_read();
    auto round = tx->round(round_id);
    if (!round) return std::nullopt;
    const UnitTree tree(tx->units());
    if (can_view_response(viewer, tree, *round, unit_id)) {
      ReportFilter seen = filter;
      seen.with_comments = filter.with_comments && sees_comments(viewer, tree, unit_id, tx->publication(round_id));
      return unit_report_in(*tx, round_id, unit_id, seen);
    }
    refused = tx->unit(unit_id).has_value();
  }
  if (refused)
    audit_report_refusal(store, viewer, unit_id, "unit report " + std::to_string(round_id) + "/" + std::to_string(unit_id));
  return std::nullopt;
}

std::optional<report::CompiledReport> compiled_report(store::Store& store, Id round_id, const ReportFilter& filter) {
  auto tx = store.begin_read();
  return compiled_report_in(*tx, nullptr, round_id, filter);
}

std::optional<report::CompiledReport> compiled_report(store::Tx& tx, Id round_id, const ReportFilter& filter) {
  return compiled_report_in(tx, nullptr, round_id, filter);
}

std::optional<report::CompiledReport> compiled_report(store::Store& store, const Viewer& viewer, Id round_id,
                                                      const ReportFilter& filter) {
  {
    auto tx = store.begin_read();
    auto round = tx->round(round_id);
    if (!round) return std::nullopt;
    const UnitTree tree(tx->units());
    // A scope is one of the viewer's own units, like every other unit they name.
    const bool scope_theirs = !filter.scope || holds_any(viewer, tree, *filter.scope);
    if (scope_theirs && can_view_compiled(viewer, tree, *round, round_unit_ids(*tx, round_id))) {
      ReportFilter seen = filter;
      seen.with_comments = filter.with_comments && sees_compiled_comments(viewer, tx->publication(round_id));
      return compiled_report_in(*tx, &viewer, round_id, seen);
    }
  }
  audit_report_refusal(store, viewer, std::nullopt, "compiled report " + std::to_string(round_id));
  return std::nullopt;
}

}  // namespace uppsikt::service
