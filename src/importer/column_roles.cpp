#include "importer/column_roles.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <utility>

#include "core/text.h"

namespace uppsikt::importer {
namespace {

// A header cell longer than this is a data row's text, not a column's name.
constexpr std::size_t kMaxHeaderBytes = 48;

// Folded role words, longer ones first where one begins another.
const std::vector<std::pair<std::string, Role>>& role_words() {
  static const std::vector<std::pair<std::string, Role>> words = [] {
    std::vector<std::pair<std::string, Role>> out;
    auto add = [&](Role role, std::initializer_list<std::string_view> list) {
      for (auto w : list) out.emplace_back(fold_case(w), role);
    };
    add(Role::number, {"Nr", "Nummer", "Id", "Ref", "Referens"});
    add(Role::question, {"Uppföljningsfrågor", "Uppföljningsfråga", "Frågor", "Fråga", "Åtgärder", "Åtgärd",
                         "Insatser", "Insats", "Aktiviteter", "Aktivitet", "Strategier", "Strategi"});
    add(Role::audience, {"Ansvariga", "Ansvarig", "Ansvar", "Berörda", "Berörd", "Målgrupp"});
    add(Role::answer, {"Svarsalternativ", "Svar", "Status", "Bedömning", "Måluppfyllelse"});
    add(Role::comment, {"Kommentarer", "Kommentar", "Redovisning", "Analys"});
    add(Role::expected, {"Förväntat resultat", "Förväntade resultat", "Mål"});
    return out;
  }();
  return words;
}

bool letter_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return false;
  int32_t offset = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(s.data(), offset, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isalpha(c);
}

// The role word `folded` begins with, and its length.
std::optional<std::pair<Role, std::size_t>> leading_role_word(std::string_view folded) {
  for (const auto& [word, role] : role_words())
    if (folded.starts_with(word) && !letter_at(folded, word.size())) return std::pair{role, word.size()};
  return std::nullopt;
}

}  // namespace

std::optional<Role> role_of_header(std::string_view header) {
  const std::string folded = fold_case(collapse_space(header));
  if (folded.empty() || folded.size() > kMaxHeaderBytes) return std::nullopt;
  if (auto found = leading_role_word(folded)) return found->first;
  // A narrow column breaks its header inside a word ("Måluppfylle" "lse"), which the lines
  // of the cell, joined, give with a space inside: the word without its spaces is read too.
  std::string unspaced;
  for (char c : folded)
    if (c != ' ') unspaced += c;
  for (const auto& [word, role] : role_words()) {
    std::string word_unspaced;
    for (char c : word)
      if (c != ' ') word_unspaced += c;
    if (unspaced.starts_with(word_unspaced) && !letter_at(unspaced, word_unspaced.size())) return role;
  }
  return std::nullopt;
}

std::optional<std::vector<Role>> header_roles(const std::vector<std::string>& cells) {
  std::vector<Role> roles;
  int known = 0;
  bool question = false, answer_or_comment = false;
  for (const auto& cell : cells) {
    if (collapse_space(cell).size() > kMaxHeaderBytes) return std::nullopt;
    auto role = role_of_header(cell);
    Role r = role.value_or(Role::extra);
    for (Role taken : roles)
      if (taken == r) r = Role::extra;
    if (r != Role::extra) ++known;
    question = question || r == Role::question;
    answer_or_comment = answer_or_comment || r == Role::answer || r == Role::comment;
    roles.push_back(r);
  }
  if (known < 2 || !question || !answer_or_comment) return std::nullopt;
  return roles;
}

std::optional<Label> label_of(std::string_view line) {
  const std::string_view s = trim(line);
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxHeaderBytes) return std::nullopt;
  const std::string folded = fold_case(collapse_space(s.substr(0, colon)));
  auto found = leading_role_word(folded);
  // The whole label must be the role word, or the word with a qualifier after '/'.
  if (!found || (found->second != folded.size() && folded[found->second] != '/')) return std::nullopt;
  if (found->first == Role::number) return std::nullopt;
  return Label{found->first, trim(s.substr(colon + 1))};
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::number: return "number";
    case Role::question: return "question";
    case Role::audience: return "audience";
    case Role::answer: return "answer";
    case Role::comment: return "comment";
    case Role::expected: return "expected";
    case Role::extra: return "extra";
  }
  return "extra";
}

std::optional<Role> role_named(std::string_view name) {
  static const std::vector<std::pair<std::string_view, Role>> kNames{
      {"number", Role::number},     {"nummer", Role::number},     {"question", Role::question},
      {"fråga", Role::question},    {"audience", Role::audience}, {"ansvarig", Role::audience},
      {"answer", Role::answer},     {"svar", Role::answer},       {"comment", Role::comment},
      {"kommentar", Role::comment}, {"expected", Role::expected}, {"förväntat resultat", Role::expected},
      {"extra", Role::extra},       {"övrigt", Role::extra}};
  const std::string folded = fold_case(collapse_space(name));
  for (const auto& [word, role] : kNames)
    if (folded == word) return role;
  return std::nullopt;
}

}  // namespace uppsikt::importer
