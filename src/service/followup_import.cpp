#include "service/followup_import.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "core/scale.h"
#include "core/text.h"
#include "importer/answer_scales.h"
#include "service/clock.h"

namespace uppsikt::service {
namespace {

constexpr std::string_view kStandardScale = "Ja/Nej/Delvis/Ej aktuellt";

int depth_of(std::string_view number) {
  return 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
}

// "1.2.3" → "1.2"; "1" → "".
std::string parent_number(std::string_view number) {
  auto dot = number.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(number.substr(0, dot));
}

// The document's own title: "Uppföljning Göteborgs Stads … program" names the follow-up, not
// the document.
std::string document_title(std::string_view section_title) {
  constexpr std::string_view kPrefix = "Uppföljning ";
  if (starts_with_ci(section_title, kPrefix)) return std::string(section_title.substr(kPrefix.size()));
  return std::string(section_title);
}

DocumentKind kind_of_title(std::string_view title) {
  std::string lower = fold_case(title);
  if (lower.find("handlingsplan") != std::string::npos) return DocumentKind::handlingsplan;
  if (lower.find("program") != std::string::npos) return DocumentKind::program;
  return DocumentKind::plan;
}

std::string period_of_title(const std::string& title) {
  static const std::regex kPeriod(R"((\d{4})\s*(-|–)\s*(\d{4}))");
  std::smatch m;
  if (!std::regex_search(title, m, kPeriod)) return {};
  return m[1].str() + "–" + m[3].str();
}

std::string_view item_word(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::program: return "Strategi";
    case DocumentKind::handlingsplan: return "Insats";
    case DocumentKind::plan: return "Åtgärd";
  }
  return "Strategi";
}

// The item's wording: the reference without its "Strategi 1:1" or "1:1" lead and without the
// expected result, which is kept apart.
std::string item_text(std::string_view reference, std::string_view number) {
  std::string text(reference);
  if (auto pos = text.find("Förväntat resultat:"); pos != std::string::npos) text.resize(pos);
  std::string_view rest = trim(text);
  if (starts_with_ci(rest, "Strategi ")) rest = trim(rest.substr(9));
  if (!number.empty() && rest.starts_with(number)) rest = trim(rest.substr(number.size()));
  return std::string(rest);
}

// The scale of an imported answer: the one chosen for the whole file, else the one of its
// option; the standard one for its options and for no answer; else a scale with the same
// options (by whatever name a coordinator gave it), or a new one.
Id scale_for(store::Tx& tx, const std::string& chosen, const std::optional<std::string>& answer) {
  const importer::AnswerScale* scale = !chosen.empty() ? importer::scale_named(chosen)
                                       : answer       ? importer::scale_of(*answer)
                                                      : nullptr;
  if (!scale || scale == &importer::answer_scales().front()) return standard_scale(tx);
  for (const auto& existing : tx.scales())
    if (existing.options == scale->options) return existing.id;
  return tx.add_scale(Scale{.name = scale->name, .options = scale->options});
}

class Saver {
 public:
  Saver(store::Tx& tx, Id round_id, std::optional<Id> document_unit, std::string scale)
      : tx_(tx), round_id_(round_id), document_unit_(document_unit), scale_(std::move(scale)) {}

  void add_section(const importer::Section& s) {
    if (depth_of(s.number) == 1) {
      place_[s.number] = {document_for(s), std::nullopt};
      return;
    }
    auto parent = find_place(parent_number(s.number));
    if (!parent) return;  // a sub-section before any document: nothing to hang it on
    Id node = node_for(parent->document, parent->node, NodeKind::area, s.number, s.title, "", "");
    place_[s.number] = {parent->document, node};
  }

  Id question_for(const importer::ImportedQuestion& q) {
    std::optional<Id> item;
    if (auto place = find_place(q.section)) {
      auto doc = tx_.document(place->document);
      std::string number = q.reference_number.value_or("");
      std::string title = number.empty() ? std::string(item_word(doc->kind))
                                         : std::string(item_word(doc->kind)) + " " + number;
      item = node_for(place->document, place->node, NodeKind::item, number, title,
                      item_text(q.reference_text, number), q.expected_result.value_or(""));
    }
    for (const auto& existing : questions())
      if (existing.node_id == item && existing.text == q.text) {
        ++counts.questions_matched;
        return existing.id;
      }
    Question question{.round_id = round_id_, .node_id = item,
                      .position = static_cast<int>(questions().size()) + 1, .text = q.text,
                      .audience = q.audience.value_or(""), .scale_id = scale_for(tx_, scale_, q.answer)};
    question.id = tx_.add_question(question);
    questions_->push_back(question);
    ++counts.questions_created;
    return question.id;
  }

  ImportCounts counts;

 private:
  struct Place {
    Id document;
    std::optional<Id> node;  // empty: directly under the document
  };

  // The place of section `number`, or of its nearest ancestor when numbers have gaps.
  std::optional<Place> find_place(std::string number) {
    while (!number.empty()) {
      if (auto it = place_.find(number); it != place_.end()) return it->second;
      number = parent_number(number);
    }
    return std::nullopt;
  }

  Id document_for(const importer::Section& s) {
    std::string title = document_title(s.title);
    if (auto doc = tx_.document_by_title(title)) {
      ++counts.documents_matched;
      return doc->id;
    }
    Document doc{.title = title, .kind = kind_of_title(title), .period = period_of_title(title),
                 .position = static_cast<int>(tx_.documents().size()) + 1, .unit_id = document_unit_};
    ++counts.documents_created;
    const Id id = tx_.add_document(doc);
    created_documents_.insert(id);
    return id;
  }

  Id node_for(Id document, std::optional<Id> parent, NodeKind kind, const std::string& number,
              const std::string& title, const std::string& text, const std::string& expected) {
    auto& nodes = nodes_of(document);
    int siblings = 0;
    for (const auto& n : nodes) {
      if (n.parent_id != parent) continue;
      ++siblings;
      bool same = n.kind == kind && n.number == number &&
                  (kind == NodeKind::area ? n.title == title : n.text == text);
      if (same) {
        ++counts.nodes_matched;
        return n.id;
      }
    }
    Node node{.document_id = document, .parent_id = parent, .kind = kind, .number = number,
              .title = title, .text = text, .expected_result = expected, .position = siblings + 1};
    node.id = tx_.add_node(node);
    nodes.push_back(node);
    ++counts.nodes_created;
    if (!created_documents_.contains(document) &&
        std::find(counts.documents_extended.begin(), counts.documents_extended.end(), document) ==
            counts.documents_extended.end())
      counts.documents_extended.push_back(document);
    return node.id;
  }

  std::vector<Node>& nodes_of(Id document) {
    auto it = nodes_.find(document);
    if (it == nodes_.end()) it = nodes_.emplace(document, tx_.nodes(document)).first;
    return it->second;
  }

  std::vector<Question>& questions() {
    if (!questions_) questions_ = tx_.questions(round_id_);
    return *questions_;
  }

  store::Tx& tx_;
  Id round_id_;
  std::optional<Id> document_unit_;
  std::string scale_;  // the scale chosen for the whole file (FollowUp::scale), or empty
  std::set<Id> created_documents_;
  std::map<std::string, Place> place_;  // section number → where its content goes
  std::map<Id, std::vector<Node>> nodes_;
  std::optional<std::vector<Question>> questions_;
};

}  // namespace

Id standard_scale(store::Tx& tx) {
  if (auto s = tx.scale_by_name(kStandardScale)) return s->id;
  return tx.add_scale(Scale{.name = std::string(kStandardScale), .options = standard_options()});
}

namespace {

bool handed_in(ResponseStatus status) {
  return status == ResponseStatus::submitted || status == ResponseStatus::approved;
}

// Before the first changed answer of a handed-in response: what was handed in stays readable
// under its edition, and the file's answers go into the next one, handed in by the import.
Response raise_edition(store::Tx& tx, const Response& response) {
  if (tx.handed_in_answers(response.id, response.edition).empty())
    tx.keep_handed_in_answers(response.id, response.edition);
  Response next = response;
  next.edition = response.edition + 1;
  next.status = ResponseStatus::submitted;
  next.updated_at = now_iso();
  next.handed_in_at = next.updated_at;
  tx.update_response(next, response.version);
  tx.add_response_event(ResponseEvent{.response_id = response.id, .kind = ResponseEventKind::handed_in,
                                      .edition = next.edition, .at = next.updated_at,
                                      .message = "Ny version inläst från en fil."});
  ++next.version;
  return next;
}

}  // namespace

ImportCounts save_followup(store::Tx& tx, const importer::FollowUp& followup, const ImportTarget& target) {
  Saver saver(tx, target.round_id, target.document_unit, followup.scale);
  for (const auto& s : followup.sections) saver.add_section(s);

  auto response = tx.response_of(target.round_id, target.unit_id);
  if (!response) {
    Response fresh{.round_id = target.round_id, .unit_id = target.unit_id, .status = target.status,
                   .updated_at = now_iso()};
    fresh.id = tx.add_response(fresh);
    response = fresh;
    saver.counts.response_created = true;
  }
  std::map<Id, Answer> existing;
  for (auto& a : tx.answers(response->id)) existing.emplace(a.question_id, a);

  for (const auto& q : followup.questions) {
    Id question_id = saver.question_for(q);
    Answer answer{.response_id = response->id, .question_id = question_id,
                  .choice = q.answer.value_or(""), .comment = q.comment.value_or(""),
                  .changed_by = target.changed_by, .changed_at = now_iso()};
    int seen_version = 0;
    if (auto it = existing.find(question_id); it != existing.end()) {
      if (it->second.choice == answer.choice && it->second.comment == answer.comment) {
        ++saver.counts.answers_unchanged;
        continue;
      }
      seen_version = it->second.version;
    }
    if (!saver.counts.response_created && !saver.counts.new_edition && handed_in(response->status)) {
      response = raise_edition(tx, *response);
      saver.counts.new_edition = response->edition;
    }
    tx.save_answer(answer, seen_version);
    ++saver.counts.answers_saved;
  }
  // What a handed-in response holds is kept as handed in, as a hand-in on the page keeps it.
  if (handed_in(response->status) && (saver.counts.response_created || saver.counts.new_edition))
    tx.keep_handed_in_answers(response->id, response->edition);
  return saver.counts;
}

}  // namespace uppsikt::service
