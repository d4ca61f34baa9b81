// The DOCX importer on Word files built in memory: the fixture laid out as Word would hold
// it, each variation of real follow-ups, and damaged files.
#include "importer/docx_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "docx_builder.h"
#include "importer/docx_package.h"
#include "importer/text_importer.h"

namespace uppsikt::importer {
namespace {

using namespace testing_docx;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Optional;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Splits "a\n\nb" into Word paragraphs.
std::string paragraphs(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t to = std::min(text.find("\n\n", from), text.size());
    out += p(text.substr(from, to - from));
    from = to + 2;
  }
  return out;
}

// The question cell as an author writes it: the question with its audience, the reference,
// the expected result in a paragraph of its own.
std::string question_cell(const ImportedQuestion& q) {
  std::string out = p(q.text + (q.audience ? " (" + *q.audience + ")" : ""));
  const std::size_t label = q.reference_text.find("Förväntat resultat");
  out += p(q.reference_text.substr(0, label));
  if (label != std::string::npos) out += p(q.reference_text.substr(label));
  return out;
}

// Every other answer as content-control check boxes, the rest as a plain word.
std::string answer_cell(const ImportedQuestion& q, bool boxes) {
  std::string out;
  if (boxes && q.answer) {
    std::string line;
    for (std::string option : {"Ja", "Nej", "Delvis"}) line += content_control_box(option == *q.answer, option);
    out = "<w:p>" + line + "</w:p>";
  } else if (q.answer) {
    out = p(*q.answer);
  }
  if (q.comment) out += paragraphs(*q.comment);
  return out;
}

// The follow-up as Word holds it: a heading per section, a table of its questions after it.
std::string docx_of(const FollowUp& followup) {
  std::string body;
  std::size_t n = 0;
  for (const Section& s : followup.sections) {
    const auto level = std::count(s.number.begin(), s.number.end(), '.') + 1;
    body += p(s.number + " " + s.title, "Heading" + std::to_string(level));
    std::string rows;
    for (const ImportedQuestion& q : followup.questions)
      if (q.section == s.number) rows += row(question_cell(q), answer_cell(q, ++n % 2 == 0));
    if (!rows.empty()) body += table(rows);
  }
  return docx(body);
}

TEST(DocxImport, FixtureGivesWhatTheTextImporterGives) {
  const FollowUp from_text = parse_text(read_file(UPPSIKT_SOURCE_DIR "/data/demo/miljoforvaltningen-2024.txt"));
  ASSERT_EQ(from_text.questions.size(), 18u);
  const FollowUp from_docx = parse_docx(docx_of(from_text));
  for (const auto& warning : from_docx.warnings) ADD_FAILURE() << warning.message;
  EXPECT_EQ(nlohmann::json::parse(to_json(from_docx)), nlohmann::json::parse(to_json(from_text)));
  const auto expected = nlohmann::json::parse(read_file(UPPSIKT_SOURCE_DIR "/tests/importer/data/fixture.expected.json"));
  EXPECT_EQ(nlohmann::json::parse(to_json(from_docx)), expected);
}

FollowUp parse_body(const std::string& body) { return parse_docx(docx(body)); }

ImportedQuestion only_question(const std::string& body) {
  const FollowUp followup = parse_body(body);
  for (const auto& warning : followup.warnings) ADD_FAILURE() << warning.message;
  EXPECT_EQ(followup.questions.size(), 1u);
  return followup.questions.empty() ? ImportedQuestion{} : followup.questions.front();
}

TEST(DocxImportAnswer, CheckBoxCharactersOnOneLine) {
  const auto q = only_question(p("1 Mål", "Heading1") +
                               table(row(p("Har ni en plan?") + p("Strategi 1:1 Text"), p("☐ Ja ☒ Nej ☐ Delvis"))));
  EXPECT_THAT(q.answer, Optional(std::string("Nej")));
  EXPECT_EQ(q.comment, std::nullopt);
}

TEST(DocxImportAnswer, CheckBoxesOnePerParagraphThenComment) {
  const auto q = only_question(table(row(p("Har ni en plan?"), p("☐ Ja") + p("☐ Nej") + p("☒ Ej aktuellt") +
                                                                    p("Vi har ingen sådan verksamhet."))));
  EXPECT_THAT(q.answer, Optional(std::string("Ej aktuellt")));
  EXPECT_THAT(q.comment, Optional(std::string("Vi har ingen sådan verksamhet.")));
}

TEST(DocxImportAnswer, ContentControlCheckBoxReadsItsStateNotItsGlyph) {
  const std::string boxes = content_control_box(false, "Ja") + content_control_box(true, "Delvis");
  const auto q = only_question(table(row(p("Har ni en plan?"), "<w:p>" + boxes + "</w:p>")));
  EXPECT_THAT(q.answer, Optional(std::string("Delvis")));
}

TEST(DocxImportAnswer, FormFieldCheckBox) {
  const std::string boxes = form_field_box(true, "Vet ej") + form_field_box(false, "Nej");
  const auto q = only_question(table(row(p("Har ni en plan?"), "<w:p>" + boxes + "</w:p>")));
  EXPECT_THAT(q.answer, Optional(std::string("Vet ej")));
}

TEST(DocxImportAnswer, OptionsInAnyCase) {
  for (std::string word : {"JA", "nej", "dElViS", "ej Aktuellt", "VET EJ"}) {
    const auto q = only_question(table(row(p("Har ni en plan?"), p(" " + word + " "))));
    EXPECT_TRUE(q.answer.has_value()) << word;
  }
}

TEST(DocxImportAnswer, OptionOpeningTheComment) {
  const auto q = only_question(table(row(p("Har ni en plan?"), p("Ja, den antogs 2023."))));
  EXPECT_THAT(q.answer, Optional(std::string("Ja")));
  EXPECT_THAT(q.comment, Optional(std::string("den antogs 2023.")));
}

TEST(DocxImportAnswer, NoBoxCheckedIsAWarningAndNoAnswer) {
  const FollowUp followup = parse_body(table(row(p("Har ni en plan?"), p("☐ Ja ☐ Nej"))));
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].answer, std::nullopt);
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("ikryssat"));
}

TEST(DocxImportComment, SeveralParagraphsWithQuestionMarkAndLeadingNumbers) {
  const auto q = only_question(
      p("2 Målområde", "Heading1") +
      table(row(p("Har ni rapporterat?"),
                p("Ja") + p("Varför inte fler? Resurserna räckte inte.") + p("2023. Rapporterna kom sent.") +
                    p("2 gånger per år följs det upp.") + p("3 Åtgärder planeras."))));
  EXPECT_THAT(q.comment, Optional(std::string("Varför inte fler? Resurserna räckte inte.\n\n2023. Rapporterna kom "
                                              "sent.\n\n2 gånger per år följs det upp.\n\n3 Åtgärder planeras.")));
  EXPECT_EQ(q.section, "2");
}

TEST(DocxImportQuestion, AudienceReferenceAndExpectedResult) {
  const auto q = only_question(table(
      row(p("Har ni en plan? (Berörda nämnder och styrelser)") +
              p("Genomförs aktiviteter i enlighet med insats 3:2.") + p("Förväntat resultat: Färre brott."),
          p("Delvis"))));
  EXPECT_EQ(q.text, "Har ni en plan?");
  EXPECT_THAT(q.audience, Optional(std::string("Berörda nämnder och styrelser")));
  EXPECT_THAT(q.reference_number, Optional(std::string("3:2")));
  EXPECT_THAT(q.expected_result, Optional(std::string("Färre brott.")));
}

TEST(DocxImportHeading, NumbersOfOneToFourLevelsWithGaps) {
  const FollowUp followup = parse_body(p("1 Program", "Heading1") + p("1.2 Del") + p("1.2.1 Mål", "Heading3") +
                                       p("1.2.3 Annat mål", "Heading3") + p("1.2.3.1 Insats", "Heading4") +
                                       table(row(p("Har ni A?"), p("Ja"))));
  std::vector<std::string> numbers;
  for (const auto& s : followup.sections) numbers.push_back(s.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1", "1.2", "1.2.1", "1.2.3", "1.2.3.1"}));
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].section, "1.2.3.1");
  EXPECT_THAT(followup.warnings, IsEmpty());
}

// Word's automatic heading numbers are not in the text; the levels give them.
TEST(DocxImportHeading, AutomaticNumberingFromHeadingLevels) {
  const FollowUp followup = parse_body(p("Program", "Rubrik1") + p("Arbetsprocess", "Rubrik2") +
                                       p("Inriktning", "Rubrik2") + p("Målområde 3", "Rubrik3") +
                                       table(row(p("Har ni A?"), p("Nej"))));
  ASSERT_EQ(followup.sections.size(), 4u);
  EXPECT_EQ(followup.sections[2].number, "1.2");
  EXPECT_EQ(followup.sections[3].number, "1.2.1");
  EXPECT_EQ(followup.sections[3].title, "Målområde 3");
  EXPECT_EQ(followup.questions[0].section, "1.2.1");
}

TEST(DocxImportWarnings, TextOutsideTheTableNamesItsParagraph) {
  const FollowUp followup = parse_body(p("1 Program", "Heading1") + p("Inledande text om programmet.") +
                                       table(row(p("Har ni A?"), p("Ja"))));
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_EQ(followup.warnings[0].line, 2);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("Stycke 2"));
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("Inledande text"));
}

TEST(DocxImportWarnings, QuestionWithoutAnswerKeepsTheQuestionAndWarns) {
  const FollowUp followup = parse_body(table(row(p("Har ni A?") + p("Strategi 1:1 Text"), p(""))));
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].answer, std::nullopt);
  ASSERT_EQ(followup.warnings.size(), 1u);
  EXPECT_THAT(followup.warnings[0].message, HasSubstr("inget svar"));
}

TEST(DocxImportWarnings, AnswerTextBesideAnEmptyQuestionCell) {
  const FollowUp followup = parse_body(table(row(p(""), p("Ja") + p("En lös kommentar."))));
  EXPECT_THAT(followup.questions, IsEmpty());
  EXPECT_EQ(followup.warnings.size(), 2u);
}

TEST(DocxImportDamaged, NotAZipArchive) {
  EXPECT_THROW(parse_docx("Detta är ingen docx"), ImportFailure);
  EXPECT_THROW(parse_docx(""), ImportFailure);
}

TEST(DocxImportDamaged, ZipWithoutDocumentPart) {
  try {
    parse_docx(zip_parts({{"hello.txt", "hej"}}));
    FAIL() << "no exception";
  } catch (const ImportFailure& e) {
    EXPECT_THAT(e.what(), HasSubstr("word/document.xml"));
  }
}

TEST(DocxImportDamaged, MalformedXml) {
  EXPECT_THROW(parse_docx(zip_parts({{"word/document.xml", "<w:document><w:body><w:p>"}})), ImportFailure);
}

TEST(DocxImportDamaged, TruncatedFile) {
  const std::string whole = docx(table(row(p("Har ni A?"), p("Ja"))));
  for (std::size_t size = 0; size < whole.size(); size += 7) {
    try {
      parse_docx(whole.substr(0, size));
    } catch (const ImportFailure&) {
    }
  }
}

// A part that inflates beyond the limit is refused, not unpacked.
TEST(DocxImportDamaged, ZipBombIsRefused) {
  const std::string bomb = zip_parts({{"word/document.xml", std::string(4u << 20, ' ')}});
  EXPECT_LT(bomb.size(), 64u * 1024);
  EXPECT_THROW(read_docx_part(bomb, "word/document.xml", DocxLimits{.max_part_bytes = 1u << 20}), ImportFailure);
}

// Entity declarations are not expanded (no "billion laughs"), nothing external is fetched.
TEST(DocxImportDamaged, EntitiesAreNotExpanded) {
  const std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">"
      "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
      "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&b;&ext;</w:t></w:r></w:p></w:body></w:document>";
  const FollowUp followup = parse_docx(zip_parts({{"word/document.xml", xml}}));
  for (const auto& warning : followup.warnings) EXPECT_THAT(warning.message, testing::Not(HasSubstr("aaaa")));
}

// Found by fuzzing: the readers recurse per level of nesting, and a few KB of nested runs
// overflowed the stack. Such a document is refused.
TEST(DocxImportDamaged, DeepNestingIsRefusedNotACrash) {
  std::string runs;
  for (int i = 0; i < 200'000; ++i) runs += "<w:r>";
  for (int i = 0; i < 200'000; ++i) runs += "</w:r>";
  try {
    parse_docx(zip_parts({{"word/document.xml", document_xml("<w:p>" + runs + "</w:p>")}}));
    FAIL() << "no exception";
  } catch (const ImportFailure& e) {
    EXPECT_THAT(e.what(), HasSubstr("nästlat"));
  }
}

// Found by fuzzing: pugixml passes stray bytes and references to surrogates through, and
// to_json threw on the text. Each ill-formed sequence is U+FFFD instead.
TEST(DocxImportDamaged, IllFormedUtf8BecomesTheReplacementCharacter) {
  const std::string reference = "<w:p><w:r><w:t>Strategi 1:1 &#xD800;Text</w:t></w:r></w:p>";  // p() escapes &
  const FollowUp followup = parse_body(table(row(p("Har ni en pl\xF6n?") + reference, p("Ja") + p("Bra\xC3"))));
  ASSERT_EQ(followup.questions.size(), 1u);
  EXPECT_EQ(followup.questions[0].text, "Har ni en pl\uFFFDn?");
  // pugixml writes the surrogate as ED A0 80: three bytes that begin no well-formed letter.
  EXPECT_EQ(followup.questions[0].reference_text, "Strategi 1:1 \uFFFD\uFFFD\uFFFDText");
  EXPECT_THAT(followup.questions[0].comment, Optional(std::string("Bra\uFFFD")));
  EXPECT_NO_THROW(to_json(followup));
}

// Word merges cells over columns with w:gridSpan (and leaves columns out with w:gridBefore):
// the cells after a merged one must stay under their own headers, or the status is read as
// the responsible and the comment as the status.
TEST(DocxImportHeaderTable, ACellMergedOverTwoColumnsKeepsTheNextCellsUnderTheirHeaders) {
  auto spanned = [](const std::string& paragraphs, int columns) {
    return "<w:tc><w:tcPr><w:gridSpan w:val=\"" + std::to_string(columns) + "\"/></w:tcPr>" + paragraphs + "</w:tc>";
  };
  const std::string header = tr(tc(p("Nr")) + tc(p("Åtgärd")) + tc(p("Ansvarig")) + tc(p("Status")) + tc(p("Kommentar")));
  const std::string whole = tr(tc(p("1")) + tc(p("Ta fram en plan för buller")) + tc(p("Miljönämnden")) +
                               tc(p("Genomförd")) + tc(p("Antogs i maj.")));
  const std::string merged = tr(tc(p("2")) + spanned(p("Se över planen varje år"), 2) + tc(p("Pågår")) +
                                tc(p("Översynen för 2025 är påbörjad.")));
  const std::string heading_row = tr(spanned(p("Delmål: tystare stad"), 5));
  const FollowUp followup =
      parse_body(p("1 Buller", "Heading1") + "<w:tbl>" + header + whole + heading_row + merged + "</w:tbl>");
  ASSERT_EQ(followup.questions.size(), 2u);
  const auto& second = followup.questions[1];
  EXPECT_EQ(second.text, "Se över planen varje år");
  EXPECT_EQ(second.answer.value_or(""), "Pågår");
  EXPECT_EQ(second.comment.value_or(""), "Översynen för 2025 är påbörjad.");
  EXPECT_FALSE(second.audience.has_value() && !second.audience->empty()) << *second.audience;
  EXPECT_EQ(followup.questions[0].audience.value_or(""), "Miljönämnden");
}

// Word keeps a text box twice, in mc:AlternateContent: the drawing (mc:Choice) and a VML copy
// for older readers (mc:Fallback). Its text is read once.
TEST(DocxImportAnswer, ATextBoxInTheCommentIsReadOnce) {
  const std::string box_text = "<w:txbxContent><w:p><w:r><w:t>Se bilaga 2.</w:t></w:r></w:p></w:txbxContent>";
  const std::string box =
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box_text +
      "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box_text +
      "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  const auto q = only_question(table(row(p("Har ni en plan?"), p("Ja") + "<w:p><w:r><w:t xml:space=\"preserve\">Planen antogs. </w:t></w:r>" + box + "</w:p>")));
  EXPECT_EQ(q.answer.value_or(""), "Ja");
  EXPECT_EQ(q.comment.value_or(""), "Planen antogs. Se bilaga 2.");
}

}  // namespace
}  // namespace uppsikt::importer
