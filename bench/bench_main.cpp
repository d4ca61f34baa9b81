// uppsikt_bench, the last step of make bench (bench/run.sh): measures in process the raw rate
// of single-row SQLite commits with synchronous=FULL on the same disk (the ceiling of one
// writer), answer saves through the store without HTTP (on SQLite and PostgreSQL) and imports,
// then adds the figures bench/run.sh measured (wrk, nginx, saves over HTTP, reports, RSS),
// prints one table with the ratios against the aims and writes them all as JSON.
//
//   uppsikt_bench --figures FILE [--postgresql URL] [--national DB --round NAME] [--smtp-url URL]
//                 --dir TMPDIR --out bench/results/latest.json
//
// FILE: one figure a line, "key<TAB>value<TAB>note", value "null" when it was not measured.
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "mail_bench.h"
#include "report_bench.h"
#include "core/embedded.h"
#include "importer/text_importer.h"
#include "service/demo.h"
#include "service/followup_import.h"
#include "store/store.h"

namespace {
using Clock = std::chrono::steady_clock;
using namespace uppsikt;

constexpr std::chrono::milliseconds kBudget{3000};

struct Figure {
  std::optional<double> value;
  std::string note;
};
using Figures = std::map<std::string, Figure>;

// Runs `work` repeatedly for about `budget` and returns operations per second.
double rate(const std::function<void()>& work, std::chrono::milliseconds budget) {
  auto start = Clock::now();
  long n = 0;
  while (Clock::now() - start < budget) {
    work();
    ++n;
  }
  std::chrono::duration<double> took = Clock::now() - start;
  return n / took.count();
}

double raw_sqlite_commits(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x TEXT)", nullptr,
               nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES ('Vi deltar i samverkan.')", -1, &insert, nullptr);
  double per_s = rate([&] {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }, kBudget);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return per_s;
}

// Answer saves through the store on the demo city: read the answers, save one with the version
// read, commit (durable) — what a save request does below HTTP.
double saves_per_s(const std::string& url) {
  auto store = store::open(url);
  service::build_demo(*store, *embedded::find("miljoforvaltningen-2024.txt"));
  Id response_id = 0, question_id = 0;
  {
    auto tx = store->begin();
    const auto round = tx->round_by_name("Uppföljning 2024")->id;
    response_id = tx->responses(round).front().id;
    question_id = tx->questions(round).front().id;
  }
  int n = 0;
  return rate([&] {
    auto tx = store->begin();
    Answer a{.response_id = response_id, .question_id = question_id, .choice = "Ja",
             .comment = "Sparning nummer " + std::to_string(++n)};
    int seen_version = 0;
    for (const auto& existing : tx->answers(response_id))
      if (existing.question_id == question_id) seen_version = existing.version;
    tx->save_answer(a, seen_version);
    tx->commit();
  }, kBudget);
}

// Old follow-ups read in per second: the seed follow-up parsed and saved as a new unit's
// answers, one transaction each (what `uppsikt import` does per file).
double imports_per_s(const std::string& path) {
  auto store = store::open(path);
  const auto text = *embedded::find("miljoforvaltningen-2024.txt");
  Id round = 0;
  {
    auto tx = store->begin();
    round = tx->add_round(Round{.name = "Import", .year = 2025});
    tx->commit();
  }
  int n = 0;
  return rate([&] {
    const auto followup = importer::parse_text(text);
    auto tx = store->begin();
    const Id unit = tx->add_unit(Unit{.name = "Importerad enhet " + std::to_string(++n)});
    service::save_followup(*tx, followup, service::ImportTarget{.round_id = round, .unit_id = unit, .changed_by = "bench"});
    tx->commit();
  }, kBudget);
}

Figures read_figures(const std::string& path) {
  Figures figures;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key, value, note;
    std::getline(fields, key, '\t');
    std::getline(fields, value, '\t');
    std::getline(fields, note);
    Figure f{.note = note};
    if (value != "null" && !value.empty()) f.value = std::stod(value);
    figures[key] = f;
  }
  return figures;
}

std::string shown(const std::optional<double>& v) {
  if (!v) return "—";
  std::ostringstream out;
  out << std::fixed << std::setprecision(*v < 10 ? 2 : 0) << *v;
  return out.str();
}

// One line of the table: the figure, its baseline or aim, and how it compares.
void row(const std::string& what, const std::optional<double>& value, const std::string& against,
         const std::string& verdict, const std::string& note) {
  std::cout << std::left << std::setw(44) << what << std::right << std::setw(10) << shown(value) << "  "
            << std::left << std::setw(34) << against << verdict << (note.empty() ? "" : "  (" + note + ")")
            << "\n";
}

std::optional<double> ratio(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b || *b == 0) return std::nullopt;
  return *a / *b;
}

std::string verdict(const std::optional<double>& v, double aim, bool above) {
  if (!v) return "not measured";
  const bool met = above ? *v >= aim : *v <= aim;
  std::ostringstream out;
  out << (met ? "aim met" : "aim MISSED") << " (" << std::fixed << std::setprecision(2) << *v << " vs "
      << aim << ")";
  return out.str();
}

// Issue 7: the compiled report of 300 units × 50 questions (bench/report_bench.h).
void add_report_figures(Figures& figures, const std::filesystem::path& dir) {
  const auto r = bench::measure_compiled_report(dir, 300, 50);
  figures["report_300x50_build_ms"] = {r.build_ms, "service::compiled_report from SQLite, with the trend round; median of 5"};
  figures["report_300x50_html_ms"] = {r.html_ms, std::to_string(r.html_bytes / 1024) + " KiB standalone HTML; median of 5"};
  figures["report_300x50_pdf_ms"] = {r.pdf_ms, std::to_string(r.pdf_bytes / 1024) + " KiB PDF; median of 3"};
}

void print_report_rows(Figures& f) {
  row("compiled report 300×50 from store (ms)", f["report_300x50_build_ms"].value, "", "",
      f["report_300x50_build_ms"].note);
  row("compiled report 300×50 HTML (ms)", f["report_300x50_html_ms"].value, "",
      verdict(f["report_300x50_html_ms"].value, 200, false), f["report_300x50_html_ms"].note);
  row("compiled report 300×50 PDF (ms)", f["report_300x50_pdf_ms"].value, "",
      verdict(f["report_300x50_pdf_ms"].value, 2000, false), f["report_300x50_pdf_ms"].note);
}

// Issue 22: queueing the national round's reminders, and sending beside a raw SMTP client.
void add_mail_figures(Figures& figures, std::map<std::string, std::string>& args, const std::filesystem::path& dir) {
  if (args.contains("--national")) {
    std::cerr << "bench: påminnelser till hela den nationella omgången …\n";
    if (auto q = bench::queue_national_reminders(args["--national"], dir, args["--round"]))
      figures["mail_queue_national_s"] = {q->seconds, "\"Påminn nu\" for every unit not handed in: " +
                                                          std::to_string(q->units) + " units, " +
                                                          std::to_string(q->messages) + " messages queued, SQLite"};
    else figures["mail_queue_national_s"] = {std::nullopt, "the national data set could not be copied or read"};
  }
  if (args.contains("--smtp-url")) {
    constexpr int kMessages = 300;
    std::cerr << "bench: " << kMessages << " brev från utkorgen till en lokal SMTP-server …\n";
    figures["mail_sent_per_s"] = {bench::mail_sent_per_s(dir, args["--smtp-url"], kMessages),
                                  std::to_string(kMessages) + " messages from the outbox (SQLite), one SMTP connection each, "
                                  "to tests/support/smtp_sink.py (aiosmtpd)"};
  }
}

void print_mail_rows(Figures& f) {
  auto v = [&](const std::string& key) { return f[key].value; };
  row("mail: national reminders queued (s)", v("mail_queue_national_s"), "",
      verdict(v("mail_queue_national_s"), 2, false), f["mail_queue_national_s"].note);
  row("mail: sent from the outbox (/s)", v("mail_sent_per_s"), "raw smtplib: " + shown(v("smtp_raw_per_s")),
      "ratio " + verdict(ratio(v("mail_sent_per_s"), v("smtp_raw_per_s")), 0.5, true), f["mail_sent_per_s"].note);
}

void print_table(Figures& f) {
  auto v = [&](const std::string& key) { return f[key].value; };
  std::cout << "\nUppsikt bench — one run, side by side on this machine\n"
            << std::string(110, '-') << "\n";
  if (!f["national_demo_s"].note.empty())
    row("national data set generated (s)", v("national_demo_s"), "", "", f["national_demo_s"].note);
  row("answer page, wrk 64 conn (req/s)", v("answer_page_rps"), "nginx static: " + shown(v("nginx_static_rps")),
      "ratio " + verdict(ratio(v("answer_page_rps"), v("nginx_static_rps")), 0.5, true),
      f["answer_page_rps"].note);
  row("answer page p50 / p99 (ms)", v("answer_page_p99_ms"), "p50 " + shown(v("answer_page_p50_ms")),
      "p99 " + verdict(v("answer_page_p99_ms"), 20, false), "");
  row("status board, wrk (req/s)", v("round_page_rps"), "p50 " + shown(v("round_page_p50_ms")) +
      " ms, p99 " + shown(v("round_page_p99_ms")) + " ms", "", f["round_page_rps"].note);
  row("nginx static file (req/s)", v("nginx_static_rps"), "p99 " + shown(v("nginx_static_p99_ms")) + " ms",
      "", f["nginx_static_rps"].note);
  row("answer saves over HTTP, SQLite (/s)", v("saves_per_s_sqlite"), "raw commits: " + shown(v("sqlite_raw_commits_per_s")),
      "ratio " + verdict(ratio(v("saves_per_s_sqlite"), v("sqlite_raw_commits_per_s")), 0.4, true),
      f["saves_per_s_sqlite"].note);
  row("answer saves over HTTP, PostgreSQL (/s)", v("saves_per_s_postgres"), "", "", f["saves_per_s_postgres"].note);
  row("saves through the store, SQLite (/s)", v("store_saves_per_s_sqlite"), "", "", f["store_saves_per_s_sqlite"].note);
  row("saves through the store, PostgreSQL (/s)", v("store_saves_per_s_postgres"), "", "",
      f["store_saves_per_s_postgres"].note);
  row("national report HTML, SQLite (s)", v("national_report_html_s_sqlite"), "",
      verdict(v("national_report_html_s_sqlite"), 1, false), f["national_report_html_s_sqlite"].note);
  row("national report HTML, PostgreSQL (s)", v("national_report_html_s_postgres"), "",
      verdict(v("national_report_html_s_postgres"), 1, false), f["national_report_html_s_postgres"].note);
  row("national report XLSX, SQLite (s)", v("national_report_xlsx_s_sqlite"), "", "",
      f["national_report_xlsx_s_sqlite"].note);
  row("national report XLSX, PostgreSQL (s)", v("national_report_xlsx_s_postgres"), "", "",
      f["national_report_xlsx_s_postgres"].note);
  if (!f["national_load_s_postgres"].note.empty())
    row("national data set into PostgreSQL (s)", v("national_load_s_postgres"), "", "",
        f["national_load_s_postgres"].note);
  row("import of old follow-ups (documents/s)", v("import_docs_per_s"), "", "", f["import_docs_per_s"].note);
  row("API: round's answers as NDJSON (rows/s)", v("api_answers_rows_per_s"),
      "sqlite3 -json: " + shown(v("sqlite_json_rows_per_s")),
      "ratio " + verdict(ratio(v("api_answers_rows_per_s"), v("sqlite_json_rows_per_s")), 0.5, true),
      f["api_answers_rows_per_s"].note);
  row("API: server RSS while streaming (MiB)", v("api_stream_rss_mib"), "", verdict(v("api_stream_rss_mib"), 200, false),
      f["api_stream_rss_mib"].note);
  row("server peak RSS (MiB)", v("server_rss_mib"), "", verdict(v("server_rss_mib"), 200, false),
      f["server_rss_mib"].note);
  print_report_rows(f);
  print_mail_rows(f);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  const std::filesystem::path dir =
      args.contains("--dir") ? std::filesystem::path(args["--dir"]) : std::filesystem::temp_directory_path();
  Figures figures = args.contains("--figures") ? read_figures(args["--figures"]) : Figures{};
  // Each run starts from empty databases, also in a --dir an earlier run left them in.
  for (const char* name : {"raw.db", "saves.db", "import.db"})
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(dir / (std::string(name) + suffix));

  std::cerr << "bench: sparningar och råa commits i processen …\n";
  const std::string in_process = "in process through the store, one writer, no HTTP";
  figures["sqlite_raw_commits_per_s"] = {raw_sqlite_commits((dir / "raw.db").string()),
                                         "single-row commits, WAL, synchronous=FULL, same disk"};
  figures["store_saves_per_s_sqlite"] = {saves_per_s((dir / "saves.db").string()), in_process};
  figures["import_docs_per_s"] = {imports_per_s((dir / "import.db").string()),
                                  "the seed follow-up (18 answers) parsed and saved, SQLite"};
  std::cerr << "bench: sammanställningen, 300 enheter × 50 frågor …\n";
  add_report_figures(figures, dir);
  const std::string pg = args["--postgresql"];
  if (pg.empty()) figures["store_saves_per_s_postgres"] = {std::nullopt, "no PostgreSQL server could be started"};
  else figures["store_saves_per_s_postgres"] = {saves_per_s(pg), in_process + "; server from scripts/test-postgres, fsync on"};

  add_mail_figures(figures, args, dir);

  print_table(figures);
  nlohmann::json results = nlohmann::json::object();
  nlohmann::json notes = nlohmann::json::object();
  for (const auto& [key, f] : figures) {
    results[key] = f.value ? nlohmann::json(*f.value) : nlohmann::json(nullptr);
    if (!f.note.empty()) notes[key] = f.note;
  }
  results["notes"] = notes;
  const std::string out = args.contains("--out") ? args["--out"] : "bench/results/latest.json";
  std::filesystem::create_directories(std::filesystem::path(out).parent_path());
  std::ofstream(out) << results.dump(2) << "\n";
  std::cout << "\nskrivet till " << out << "\n";
  return 0;
}
