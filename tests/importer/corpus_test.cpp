// The import corpus: follow-ups in every layout (two columns, a header row naming the
// columns, labelled paragraphs), each as .docx, .odt, .pdf (printed by LibreOffice, ruled,
// rows broken over pages, header rows repeated), .txt and .xlsx where the layout allows,
// must import exactly as their answer keys say; and every word of every file must land in a
// field or a warning, so that nothing is lost silently.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/text.h"
#include "corpus.h"
#include "importer/column_roles.h"
#include "importer/docx_body.h"
#include "importer/docx_package.h"
#include "importer/pdf_columns.h"
#include "importer/pdf_pages.h"

namespace uppsikt::importer {
namespace {

const std::filesystem::path kCorpus = UPPSIKT_SOURCE_DIR "/tests/importer/corpus";
const std::filesystem::path kUnseen = UPPSIKT_SOURCE_DIR "/tests/importer/corpus_unseen";

TEST(ImportCorpus, HoldsTwoDocumentsOfEachLayoutInEachFormat) {
  const auto entries = corpus::entries(kCorpus);
  for (const std::string layout : {"two_column", "header", "labelled"})
    for (const std::string ext : {".docx", ".pdf", ".txt", ".odt"}) {
      int n = 0;
      for (const auto& e : entries)
        if (e.file.filename().string().starts_with(layout) && e.file.extension() == ext) ++n;
      EXPECT_GE(n, 2) << layout << ext;
    }
}

class CorpusFile : public testing::TestWithParam<corpus::Entry> {};

TEST_P(CorpusFile, EveryFieldOfTheAnswerKeyIsRight) {
  const FollowUp followup = corpus::parse_file(GetParam().file);
  const auto expected = nlohmann::json::parse(corpus::read_file(GetParam().expected));
  const corpus::Score score = corpus::score(followup, expected);
  EXPECT_EQ(score.right, score.total) << GetParam().file.filename();
  for (const auto& miss : score.misses) ADD_FAILURE() << miss;
  for (const auto& miss : corpus::warning_misses(followup, expected, GetParam().file.extension().string())) ADD_FAILURE() << miss;
}

// --- nothing lost ---------------------------------------------------------------------

// Words as the check compares them: folded, without the punctuation around them.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && std::string_view(",.;:!?()\"'").find(word.back()) != std::string_view::npos) word.pop_back();
    while (!word.empty() && std::string_view("(\"'").find(word.front()) != std::string_view::npos) word.erase(0, 1);
    if (!word.empty()) out.push_back(fold_case(word));
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') flush();
    else word += c;
  }
  flush();
  return out;
}

// Every word the import keeps: its fields, facts and warnings, and the words that name
// columns and labels (a header row or "Svar:" is read, not lost).
std::set<std::string> kept_words(const FollowUp& f) {
  std::string all = to_json(f) + " " + f.facts.unit.value_or("") + " " + f.facts.date.value_or("");
  for (const auto& q : f.questions) all += " " + q.reference_text + " " + q.text + " " + q.comment.value_or("");
  for (const auto& s : f.sections) all += " " + s.title;
  for (const auto& w : f.warnings) all += " " + w.message;
  for (const auto& line : f.facts.other) all += " " + line;
  for (const auto& t : f.tables)
    for (const auto& h : t.headers) all += " " + h;
  all += " nr åtgärd ansvarig status kommentar insats mål måluppfyllelse kommentar/analys berörda svar bedömning "
         "förväntat resultat uppföljningsfrågor svarsalternativ med besvaras av nämnd datum analys id aktivitet "
         "redovisning förvaltning fråga "
         // Check boxes, ticked or not, are read into the answer, not lost; a list's bullets
         // begin its items' paragraphs.
         "\u2610 \u2612 [x] \u2022 \uf0b7";
  std::set<std::string> out;
  for (auto& w : words_of(all)) out.insert(w);
  // JSON escapes line breaks inside strings; the raw fields above have them as they are.
  return out;
}

// The file's own words, each as the format holds them.
std::vector<std::string> source_words(const std::filesystem::path& file) {
  const std::string bytes = corpus::read_file(file);
  const std::string ext = file.extension().string();
  std::string text;
  if (ext == ".txt") {
    text = bytes;
  } else if (ext == ".docx") {
    for (const auto& block : read_docx_body(read_docx_part(bytes, "word/document.xml"))) {
      if (const auto* p = std::get_if<DocxParagraph>(&block)) text += p->text + "\n";
      else
        for (const auto& row : std::get<DocxTable>(block).rows)
          for (const auto& cell : row)
            for (const auto& p : cell) text += p.text + "\n";
    }
  } else if (ext == ".pdf") {
    for (const auto& page : without_furniture(read_pdf_pages(bytes)))
      for (const auto& line : page.lines) text += line_text(line) + "\n";
  } else {
    return {};  // .odt and .xlsx hold the .docx's words
  }
  return words_of(text);
}

// Whether `word` is the start or the end of a kept word whose other piece is in `source`.
bool broken_piece(const std::string& word, const std::set<std::string>& kept, const std::set<std::string>& source) {
  for (const std::string& whole : kept) {
    if (whole.size() <= word.size()) continue;
    if (whole.starts_with(word) && source.count(whole.substr(word.size()))) return true;
    if (whole.ends_with(word) && source.count(whole.substr(0, whole.size() - word.size()))) return true;
  }
  return false;
}

TEST_P(CorpusFile, EveryWordLandsInAFieldOrAWarning) {
  const FollowUp followup = corpus::parse_file(GetParam().file);
  const std::set<std::string> kept = kept_words(followup);
  const std::vector<std::string> words = source_words(GetParam().file);
  const std::set<std::string> source(words.begin(), words.end());
  for (const std::string& word : words) {
    if (kept.count(word)) continue;
    // A word too wide for its column, broken without a hyphen ("säkerhetssamordn" "are"),
    // whose pieces the PDF's lines give apart: both pieces are words of the file.
    if (broken_piece(word, kept, source)) continue;
    // A word the PDF broke over two lines ("brotts-", "Kommentar/") is kept whole.
    if (word.ends_with('-') || word.ends_with('/')) {
      const std::string stem = word.substr(0, word.size() - 1);
      auto it = kept.lower_bound(stem);
      if (it != kept.end() && it->starts_with(stem)) continue;
    }
    ADD_FAILURE() << GetParam().file.filename() << ": \"" << word << "\" finns varken i något fält eller i en varning";
  }
}

std::string test_name(const testing::TestParamInfo<corpus::Entry>& info) {
  std::string name = info.param.file.filename().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusFile, testing::ValuesIn(corpus::entries(kCorpus)), test_name);
// Follow-ups made another way (flat ODF through LibreOffice, an .xlsx as Excel writes it,
// text as Word copies it), in templates the importer was not written against.
INSTANTIATE_TEST_SUITE_P(Unseen, CorpusFile, testing::ValuesIn(corpus::entries(kUnseen)), test_name);

}  // namespace
}  // namespace uppsikt::importer
