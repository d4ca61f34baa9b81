#include "service/report_outline.h"

#include <algorithm>
#include <map>

#include "core/assessment.h"
#include "core/outline.h"

namespace uppsikt::service {
namespace {

// Drops headings with no question in their subtree: a heading is kept when it or a deeper
// heading that follows it (before the next heading at its level or above) holds questions.
std::vector<OutlineSection> without_empty(std::vector<OutlineSection> sections) {
  std::vector<bool> keep(sections.size(), false);
  for (std::size_t i = 0; i < sections.size(); ++i)
    for (std::size_t j = i; j < sections.size() && (j == i || sections[j].heading.level > sections[i].heading.level); ++j)
      if (!sections[j].questions.empty()) {
        keep[i] = true;
        break;
      }
  std::vector<OutlineSection> out;
  for (std::size_t i = 0; i < sections.size(); ++i)
    if (keep[i]) out.push_back(std::move(sections[i]));
  return out;
}

}  // namespace

std::vector<OutlineSection> report_outline(store::Tx& tx, const std::vector<Question>& questions,
                                           std::optional<Id> document_id) {
  std::multimap<Id, PlacedQuestion> by_item;  // item id → its questions, in round order
  std::vector<PlacedQuestion> unplaced;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    PlacedQuestion p{&questions[i], std::nullopt, static_cast<int>(i) + 1};
    if (questions[i].node_id) by_item.emplace(*questions[i].node_id, p);
    else unplaced.push_back(p);
  }

  std::vector<OutlineSection> sections;
  for (const auto& doc : tx.documents()) {
    if (document_id && doc.id != *document_id) continue;
    sections.push_back({{std::to_string(doc.position), doc.title, 1}, doc.title, {}, document_target(doc.id)});
    const auto nodes = tx.nodes(doc.id);
    for (const auto& entry : outline(nodes)) {
      const Node& n = *entry.node;
      if (n.kind == NodeKind::area) {
        sections.push_back({{n.number, n.title, entry.depth + 2}, doc.title, {}, area_target(n.id)});
        continue;
      }
      auto [first, last] = by_item.equal_range(n.id);
      for (auto it = first; it != last; ++it) {
        it->second.item = n;
        sections.back().questions.push_back(it->second);
      }
      by_item.erase(first, last);
    }
  }
  if (!document_id) {
    // Questions whose item is in no document still show, last, rather than vanish.
    for (auto& [item, p] : by_item) unplaced.push_back(p);
    std::sort(unplaced.begin(), unplaced.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    if (!unplaced.empty()) sections.push_back({{"", "Övriga frågor", 1}, "", std::move(unplaced)});
  }
  return without_empty(std::move(sections));
}

report::ReportQuestion report_question(const PlacedQuestion& placed, const std::vector<std::string>& options) {
  const Question& q = *placed.question;
  report::ReportQuestion out{.id = q.id, .number = placed.number, .text = q.text, .audience = q.audience,
                             .options = options};
  if (!placed.item) return out;
  const Node& n = *placed.item;
  out.reference_number = n.number;
  out.reference_text = n.text;
  out.expected_result = n.expected_result;
  // Imported items are titled "Strategi 1:1": the word before the number is the kind.
  const std::string suffix = " " + n.number;
  if (!n.number.empty() && n.title.size() > suffix.size() && n.title.ends_with(suffix))
    out.reference_kind = n.title.substr(0, n.title.size() - suffix.size());
  else if (n.title != n.number)
    out.reference_title = n.title;
  return out;
}

}  // namespace uppsikt::service
