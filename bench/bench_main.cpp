// make bench: measures Uppsikt against a baseline on the same machine in the same run, and
// prints ratios, since on a shared machine an absolute time means little. Writes
// bench/results/latest.json.
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "http/static_files.h"
#include "service/demo.h"
#include "service/followup_import.h"
#include "store/store.h"
#include "web/routes.h"

namespace {
using Clock = std::chrono::steady_clock;
using namespace uppsikt;

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

double raw_sqlite_commits(const std::string& path, std::chrono::milliseconds budget) {
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
  }, budget);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return per_s;
}

}  // namespace

int main() {
  auto dir = std::filesystem::temp_directory_path() / "uppsikt-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "static");
  std::ofstream(dir / "static" / "uppsikt.css") << "body{}";
  const auto budget = std::chrono::milliseconds(2000);

  auto store = store::open((dir / "demo.db").string());
  service::build_demo(*store, *embedded::find("miljoforvaltningen-2024.txt"));
  http::StaticFiles assets(dir / "static");
  web::Site site{*store, assets};
  auto handler = web::make_handler(site);

  auto page_request = [](std::string target) {
    http::Request r;
    r.method = "GET";
    r.target = r.path = std::move(target);
    return r;
  };
  auto answer_page = page_request("/omgangar/1/svar/6");
  auto static_file = page_request(assets.url_for("uppsikt.css"));
  double page_rps = rate([&] { auto copy = answer_page; handler(copy); }, budget);
  double static_rps = rate([&] { auto copy = static_file; handler(copy); }, budget);

  // Answer saves through the store, one durable commit each, beside raw single-row commits.
  Id response_id = 0, question_id = 0;
  {
    auto tx = store->begin();
    response_id = tx->responses(1).front().id;
    question_id = tx->questions(1).front().id;
  }
  int n = 0;
  double saves_per_s = rate([&] {
    auto tx = store->begin();
    auto answers = tx->answers(response_id);
    Answer a{.response_id = response_id, .question_id = question_id, .choice = "Ja",
             .comment = "Sparning nummer " + std::to_string(++n)};
    for (const auto& existing : answers)
      if (existing.question_id == question_id) a.version = existing.version;
    tx->save_answer(a);
    tx->commit();
  }, budget);
  double raw_commits = raw_sqlite_commits((dir / "raw.db").string(), budget);

  nlohmann::json results = {
      {"answer_page_in_process_rps", page_rps},
      {"static_file_in_process_rps", static_rps},
      {"answer_page_vs_static_ratio", page_rps / static_rps},
      {"saves_per_s_sqlite", saves_per_s},
      {"sqlite_raw_commits_per_s", raw_commits},
      {"saves_vs_raw_commits_ratio", saves_per_s / raw_commits},
  };
  std::cout << std::fixed << std::setprecision(2)
            << "measure                                  value        baseline     ratio\n"
            << "answer page in process (req/s)           " << std::setw(10) << page_rps << "   "
            << std::setw(10) << static_rps << "   " << std::setprecision(5) << page_rps / static_rps
            << std::setprecision(2) << "  (baseline: a static file through the same handler)\n"
            << "answer saves, durable commit each (/s)   " << std::setw(10) << saves_per_s << "   "
            << std::setw(10) << raw_commits << "   " << saves_per_s / raw_commits
            << "  (baseline: raw SQLite commits, synchronous=FULL)\n";
  std::filesystem::create_directories("bench/results");
  std::ofstream("bench/results/latest.json") << results.dump(2) << "\n";
  std::filesystem::remove_all(dir);
  return 0;
}
