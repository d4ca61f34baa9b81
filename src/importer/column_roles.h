#pragma once
// What a table column's header ("Åtgärd", "Status", "Kommentar/analys") or a paragraph's
// label ("Berörda:", "Svar:") says its text is. Shared by the header-row tables and the
// labelled paragraphs, so that both layouts know the same words.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

enum class Role {
  number,    // Nr, Id
  question,  // Fråga, Uppföljningsfråga, Åtgärd, Insats, Aktivitet, Strategi
  audience,  // Ansvarig, Ansvar, Berörda, Målgrupp
  answer,    // Svar, Status, Bedömning, Måluppfyllelse
  comment,   // Kommentar, Kommentar/analys, Redovisning
  expected,  // Förväntat resultat, Mål
  extra,     // any other column: kept as text on the question
};

// The role a header cell names: its first words are a known role word, followed by
// nothing or by something that is no letter ("Kommentar/analys", "Status 2024").
std::optional<Role> role_of_header(std::string_view header);

// The columns of a header row, or nothing when the row is no header: at least two known
// role words, one of them a question's, one an answer's or a comment's, and short cells.
// A second column of a role already taken becomes `extra`.
std::optional<std::vector<Role>> header_roles(const std::vector<std::string>& cells);

// "Svar: Ja" → {answer, "Ja"}; "Kommentar:" → {comment, ""}. Only the words of a role
// (not `extra`) are labels, so that "Notera: …" in a comment stays comment.
struct Label {
  Role role;
  std::string_view rest;  // after the ':', trimmed
};
std::optional<Label> label_of(std::string_view line);

// A role's name in code and on the command line ("answer"), and back; the Swedish word for
// a role is read too ("svar"), in any case. Unknown names give nothing.
std::string_view role_name(Role role);
std::optional<Role> role_named(std::string_view name);

}  // namespace uppsikt::importer
