#pragma once
// What an old follow-up document holds once read: its numbered sections and, under them,
// the questions with reference, answer and comment. Every importer (text, PDF, DOCX)
// yields this, and the services turn it into documents, nodes, questions and answers.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "importer/column_roles.h"

namespace uppsikt::importer {

struct Section {
  std::string number;  // "1", "1.1", "1.1.1"
  std::string title;   // "Målområde 1: Öka kunskapen"
};

struct ImportedQuestion {
  std::string section;                         // number of the section it stands under
  std::string text;                            // "Är ert arbete kunskapsbaserat?"
  std::optional<std::string> audience;         // "samtliga nämnder och styrelser"
  std::optional<std::string> reference_number; // "1:1", "3:2", "1.2"
  std::string reference_text;                  // the whole reference block, joined
  std::optional<std::string> expected_result;  // after "Förväntat resultat:"
  std::optional<std::string> answer;           // "Ja", "Nej", "Delvis", "Ej aktuellt", "Vet ej"
  std::optional<std::string> comment;          // paragraphs joined by a blank line
  int line = 0;                                // 1-based line of the question's first line
  int page = 0;                                // 1-based page of that line, 0 when unpaged
};

// Something the importer could not place; names where it stands and why.
struct Warning {
  int line = 0;  // 1-based line in the input (0 when unknown)
  int page = 0;  // 1-based page, for paged inputs (0 when unknown)
  std::string message;  // in Swedish, for the user
};

// What the lines above the first heading say about the document ("Nämnd: …", "Datum: …").
// Not in the dry-run JSON, which keeps to the answer key's fields; the CLI prints them.
struct Facts {
  std::optional<std::string> unit;  // the unit that answered
  std::optional<std::string> date;  // as written
  // The other lines that said such a fact ("Nämnd: …" beside "Besvaras av: …", a second
  // "Datum: …"), as written, so that none is dropped unseen.
  std::vector<std::string> other;
};

// A table whose header row names its columns, as read: its header cells and the role each
// was given (by its words or by ReadOptions::columns), so that a user can correct a role.
struct HeaderColumns {
  std::vector<std::string> headers;
  std::vector<Role> roles;
  int line = 0;  // the header row's first line, as Warning::line
  int page = 0;
};

struct FollowUp {
  Facts facts;
  std::vector<HeaderColumns> tables;  // each distinct header once, in reading order
  std::string scale;                  // ReadOptions::scale when one was chosen, else empty
  std::vector<Section> sections;
  std::vector<ImportedQuestion> questions;
  std::vector<Warning> warnings;
};

// A file an importer cannot read at all: not a zip or not a PDF, locked, without text, or
// beyond the size limits. The message says what is wrong, in Swedish; the caller adds the
// file name. Problems inside a readable file are Warnings instead.
class ImportFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The dry-run JSON: {"sections":[{number,title}],"questions":[{section,text,audience,
// reference_number,expected_result,answer,comment}]}, null where absent, two-space indent
// is not promised: compare as JSON.
std::string to_json(const FollowUp& followup);

}  // namespace uppsikt::importer
