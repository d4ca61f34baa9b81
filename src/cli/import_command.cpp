// uppsikt import [--dry-run --format json] [--db DB --round NAME --unit NAME] [--strict]
//                [--column HEADER=ROLE …] [--scale NAME] FILE…
// Reads old follow-ups; a dry run prints what a file holds, otherwise it is saved into the
// round as the unit's response. A bad file is reported and the rest go on; with --strict a
// warning or a bad file in any of them saves nothing at all.
#include <iostream>
#include <regex>

#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "importer/answer_scales.h"
#include "service/followup_import.h"
#include "service/import_file.h"

namespace uppsikt::cli {
namespace {

// What the lines above the first heading said ("Nämnd: …", "Datum: …"), for the user to
// compare with --unit; the JSON keeps to the answer key's fields.
void print_facts(const std::string& file, const importer::FollowUp& followup) {
  if (followup.facts.unit) std::cerr << file << ": enhet enligt filen: " << *followup.facts.unit << "\n";
  if (followup.facts.date) std::cerr << file << ": datum enligt filen: " << *followup.facts.date << "\n";
  for (const auto& line : followup.facts.other) std::cerr << file << ": också i filen: " << line << "\n";
}

void print_warnings(const std::string& file, const importer::FollowUp& followup) {
  print_facts(file, followup);
  for (const auto& w : followup.warnings) {
    std::cerr << file << ":" << w.line;
    if (w.page > 0) std::cerr << " (sida " << w.page << ")";
    std::cerr << ": varning: " << w.message << "\n";
  }
}

int year_in(const std::string& name) {
  static const std::regex kYear(R"((19|20)\d\d)");
  std::smatch m;
  return std::regex_search(name, m, kYear) ? std::stoi(m.str()) : 0;
}

Id round_named(store::Tx& tx, const std::string& name) {
  if (auto round = tx.round_by_name(name)) return round->id;
  return tx.add_round(Round{.name = name, .year = year_in(name), .status = RoundStatus::open});
}

// The top of the unit's tree: an operator's import makes documents for the whole organisation.
std::optional<Id> top_unit(store::Tx& tx, Id unit) {
  for (const auto& u : tx.unit_path(unit))
    if (!u.parent_id) return u.id;
  return std::nullopt;
}

// The user's corrections of the importer's reading, checked before any file is read.
importer::ReadOptions read_options(const ImportOptions& options) {
  importer::ReadOptions out;
  for (const auto& text : options.columns) {
    auto choice = importer::parse_column_choice(text);
    if (!choice)
      throw UsageError("--column \"" + text + "\": skriv kolumnens rubrik, = och en roll (number, question, "
                       "audience, answer, comment, expected eller extra), t.ex. \"Status=answer\"");
    out.columns.push_back(std::move(*choice));
  }
  if (!options.scale.empty()) {
    const auto* scale = importer::scale_named(options.scale);
    if (!scale) {
      std::string names;
      for (const auto& s : importer::answer_scales()) names += (names.empty() ? "" : ", ") + s.name;
      throw UsageError("--scale \"" + options.scale + "\": okänd svarsskala; välj en av " + names);
    }
    out.scale = scale->name;
  }
  return out;
}

int dry_run(const ImportOptions& options) {
  const auto read = read_options(options);
  bool warned = false;
  for (const auto& file : options.files) {
    auto followup = service::read_followup_file(file, read);
    print_warnings(file, followup);
    warned = warned || !followup.warnings.empty();
    std::cout << importer::to_json(followup) << "\n";
  }
  return options.strict && warned ? 1 : 0;
}

void print_counts(const service::ImportCounts& c) {
  std::cout << "  skapade: " << c.documents_created << " styrdokument, " << c.nodes_created
            << " områden och insatser, " << c.questions_created << " frågor; " << c.answers_saved
            << " svar sparade\n"
            << "  fanns redan: " << c.documents_matched << " styrdokument, " << c.nodes_matched
            << " områden och insatser, " << c.questions_matched << " frågor, " << c.answers_unchanged
            << " oförändrade svar\n";
}

// Every file is read before anything is saved, so that --strict can refuse the whole
// import when any file has a warning: nothing half-imported is left to clean up.
struct ReadFile {
  std::string name;
  importer::FollowUp followup;
};

}  // namespace

int import_command(const ImportOptions& options) {
  if (options.dry_run) return dry_run(options);
  if (options.round.empty() || options.unit.empty())
    throw UsageError("ange --round och --unit för att spara, eller --dry-run för att bara visa");

  const auto how = read_options(options);
  auto store = open_store(options.db);
  std::vector<std::string> failures;
  std::vector<ReadFile> read;
  bool warned = false;
  for (const auto& file : options.files) {
    try {
      auto followup = service::read_followup_file(file, how);
      print_warnings(file, followup);
      warned = warned || !followup.warnings.empty();
      read.push_back({file, std::move(followup)});
    } catch (const std::exception& e) {
      failures.push_back(e.what());
    }
  }
  if (options.strict && (warned || !failures.empty())) {
    for (const auto& f : failures) std::cerr << "uppsikt: misslyckades: " << f << "\n";
    std::cerr << "uppsikt: --strict: inget har sparats, eftersom det finns varningar eller fel ovan\n";
    return failures.empty() ? 1 : 2;
  }
  int n = 0;
  for (const auto& [file, followup] : read) {
    std::cerr << "[" << ++n << "/" << read.size() << "] " << file << "\n";
    try {
      auto tx = store->begin();
      auto unit = tx->unit_by_name(options.unit);
      if (!unit) throw UsageError("enheten \"" + options.unit + "\" finns inte");
      auto counts = service::save_followup(
          *tx, followup, service::ImportTarget{round_named(*tx, options.round), unit->id, "import",
                                               ResponseStatus::submitted, top_unit(*tx, unit->id)});
      tx->commit();
      std::cout << file << ":\n";
      print_counts(counts);
      if (counts.new_edition)
        std::cout << "  svaret var inlämnat: filens svar sparades som version " << counts.new_edition
                  << ", den tidigare versionen finns kvar att läsa\n";
    } catch (const UsageError&) {
      throw;
    } catch (const std::exception& e) {
      failures.push_back(e.what());
    }
  }
  for (const auto& f : failures) std::cerr << "uppsikt: misslyckades: " << f << "\n";
  return failures.empty() ? 0 : 2;
}

}  // namespace uppsikt::cli
