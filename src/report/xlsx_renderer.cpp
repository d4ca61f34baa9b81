#include "report/xlsx_renderer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "core/csv.h"
#include "report/labels.h"
#include "report/report_error.h"

namespace uppsikt::report {
namespace {

constexpr std::size_t kMaxCell = 32767;  // Excel's limit on the characters of a cell

// A temporary file path, removed when this goes: libxlsxwriter 1.1 writes only to files.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "uppsikt-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);
    if (fd < 0) throw ReportError("Excel-filen kunde inte skapas (ingen tillfällig katalog)");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Formats {
  lxw_format* header;
  lxw_format* wrap;
  lxw_format* percent;
};

Formats make_formats(lxw_workbook* book) {
  Formats f{workbook_add_format(book), workbook_add_format(book), workbook_add_format(book)};
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xE0E0E0);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.percent, "0%");
  return f;
}

void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format = nullptr) {
  std::string safe = csv::neutralise(value);
  if (safe.size() > kMaxCell) safe.resize(kMaxCell);  // may cut a UTF-8 sequence: Excel shows U+FFFD
  worksheet_write_string(sheet, row, col, safe.c_str(), format);
}

struct Column {
  const char* title;
  double width;
};

// The header row, column widths, frozen header and a filter over `rows` data rows.
void table_frame(lxw_worksheet* sheet, const Formats& f, const std::vector<Column>& columns, std::size_t rows) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    text(sheet, 0, static_cast<lxw_col_t>(c), columns[c].title, f.header);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns[c].width, nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(columns.size() - 1));
}

template <typename Report>
void answers_sheet(lxw_workbook* book, const Formats& f, const Report& report) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Svar");
  table_frame(sheet, f,
              {{"Omgång", 18}, {"Styrdokument", 32}, {"Avsnitt", 32}, {"Referens", 40}, {"Fråga", 45},
               {"Enhet", 30}, {"Svar", 12}, {"Kommentar", 60}, {"Inlämnad (UTC)", 20}},
              long_row_count(report));
  lxw_row_t r = 1;
  for_each_long_row(report, [&](const LongRow& row) {
    const std::string_view cells[] = {row.round, row.document, row.section, row.reference, row.question,
                                      row.unit, row.answer, row.comment, row.handed_in};
    for (lxw_col_t c = 0; c < 9; ++c) text(sheet, r, c, cells[c], f.wrap);
    ++r;
  });
}

void counts_sheet(lxw_workbook* book, const Formats& f, const CompiledReport& report) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Antal");
  std::size_t rows = 0;
  for (const auto& s : report.sections)
    for (const auto& q : s.questions) rows += q.counts.size();
  table_frame(sheet, f,
              {{"Styrdokument", 32}, {"Avsnitt", 32}, {"Nr", 6}, {"Fråga", 45}, {"Referens", 24},
               {"Svarsalternativ", 16}, {"Antal", 8}, {"Andel", 8}, {"Besvarade", 10}, {"Tillfrågade", 11}},
              rows);
  lxw_row_t r = 1;
  for (const auto& s : report.sections)
    for (const auto& q : s.questions)
      for (const auto& c : q.counts) {
        text(sheet, r, 0, s.document, f.wrap);
        text(sheet, r, 1, heading_label(s.heading), f.wrap);
        worksheet_write_number(sheet, r, 2, q.question.number, nullptr);
        text(sheet, r, 3, q.question.text, f.wrap);
        text(sheet, r, 4, reference_label(q.question), f.wrap);
        text(sheet, r, 5, c.option);
        worksheet_write_number(sheet, r, 6, c.count, nullptr);
        worksheet_write_number(sheet, r, 7, c.share, f.percent);
        worksheet_write_number(sheet, r, 8, q.answered, nullptr);
        worksheet_write_number(sheet, r, 9, q.asked, nullptr);
        ++r;
      }
}

// The cover for the council: what the report is and who sends it, as label and value.
void cover_sheet(lxw_workbook* book, const Formats& f, const CompiledReport& report) {
  if (report.sender.empty() && report.report_date.empty() && report.registration_number.empty()) return;
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Försättsblad");
  worksheet_set_column(sheet, 0, 0, 18, nullptr);
  worksheet_set_column(sheet, 1, 1, 60, nullptr);
  const std::pair<const char*, const std::string*> facts[] = {{"Omgång", &report.round_name},
                                                              {"Avsändare", &report.sender},
                                                              {"Datum", &report.report_date},
                                                              {"Diarienummer", &report.registration_number}};
  lxw_row_t r = 0;
  for (const auto& [label, value] : facts) {
    if (value->empty()) continue;
    text(sheet, r, 0, label, f.header);
    text(sheet, r, 1, *value, f.wrap);
    ++r;
  }
}

// The coordinator's assessments, one row each, in the report's order: the whole round's, then
// each area's and question's where there is one.
void assessment_sheet(lxw_workbook* book, const Formats& f, const CompiledReport& report) {
  struct Row {
    std::string_view part, document, section, question, assessment;
    int number;
  };
  std::vector<Row> rows;
  std::vector<std::string> headings;  // heading_label() makes a string: kept while the rows view it
  headings.reserve(report.sections.size());
  if (!report.assessment.empty()) rows.push_back({"Hela omgången", "", "", "", report.assessment, 0});
  for (const auto& s : report.sections) {
    headings.push_back(heading_label(s.heading));
    if (!s.assessment.empty()) rows.push_back({"Avsnitt", s.document, headings.back(), "", s.assessment, 0});
    for (const auto& q : s.questions)
      if (!q.assessment.empty())
        rows.push_back({"Fråga", s.document, headings.back(), q.question.text, q.assessment, q.question.number});
  }
  if (rows.empty()) return;
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Bedömning");
  table_frame(sheet, f,
              {{"Del", 14}, {"Styrdokument", 32}, {"Avsnitt", 32}, {"Nr", 6}, {"Fråga", 45},
               {report.assessment_heading.empty() ? "Bedömning" : report.assessment_heading.c_str(), 80}},
              rows.size());
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    text(sheet, r, 0, row.part, f.wrap);
    text(sheet, r, 1, row.document, f.wrap);
    text(sheet, r, 2, row.section, f.wrap);
    if (row.number > 0) worksheet_write_number(sheet, r, 3, row.number, nullptr);
    text(sheet, r, 4, row.question, f.wrap);
    text(sheet, r, 5, row.assessment, f.wrap);
    ++r;
  }
}

template <typename Fill>
std::string workbook_bytes(std::string title, Fill fill) {
  TempFile file;
  {
    // Rows go to a temporary file as they are written instead of staying in memory: a
    // national round's 600,000 rows took a gigabyte.
    const std::string tmpdir = std::filesystem::temp_directory_path().string();
    lxw_workbook_options options{.constant_memory = LXW_TRUE, .tmpdir = const_cast<char*>(tmpdir.c_str())};
    lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
    if (!book) throw ReportError("Excel-filen kunde inte skapas");
    lxw_doc_properties properties{};
    properties.title = title.data();
    workbook_set_properties(book, &properties);
    fill(book, make_formats(book));
    if (workbook_close(book) != LXW_NO_ERROR) throw ReportError("Excel-filen kunde inte skrivas");
  }
  std::ifstream in(file.path(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string render_xlsx(const CompiledReport& report) {
  return workbook_bytes("Sammanställning – " + report.round_name, [&](lxw_workbook* book, const Formats& f) {
    answers_sheet(book, f, report);
    counts_sheet(book, f, report);
    cover_sheet(book, f, report);
    assessment_sheet(book, f, report);
  });
}

std::string render_xlsx(const UnitReport& report) {
  return workbook_bytes(report.unit_name + " – " + report.round_name, [&](lxw_workbook* book, const Formats& f) {
    answers_sheet(book, f, report);
  });
}

}  // namespace uppsikt::report
