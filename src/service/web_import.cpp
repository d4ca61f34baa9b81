#include "service/web_import.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/collate.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/document_admin.h"
#include "service/import_file.h"
#include "service/response_rules.h"
#include "service/round_units.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

constexpr std::chrono::hours kUploadLifetime{24};

bool may_import_for(const Viewer& viewer, const UnitTree& tree, Id unit) {
  return holds(viewer, tree, Role::coordinator, unit);  // admin counts as every role
}

int year_in(const std::string& name) {
  static const std::regex kYear(R"((19|20)\d\d)");
  std::smatch m;
  return std::regex_search(name, m, kYear) ? std::stoi(m.str()) : 0;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

nlohmann::json counts_json(const ImportCounts& c) {
  return {{"documents_created", c.documents_created}, {"nodes_created", c.nodes_created},
          {"questions_created", c.questions_created}, {"answers_saved", c.answers_saved},
          {"answers_unchanged", c.answers_unchanged}, {"new_edition", c.new_edition}};
}

// Why the viewer may not keep what the import wrote into a round that existed before, in
// the words of the page that refuses the same change by hand; empty when they may. The
// caller then rolls the file's transaction back, so that a refused file writes nothing.
std::string refusal_of(store::Tx& tx, const Viewer& viewer, const Round& round, bool manages,
                       const std::optional<Response>& before, const ImportCounts& counts) {
  if (counts.questions_created > 0) {
    if (!manages) return "Filen har frågor som omgången saknar, och du kan inte ändra omgångens frågor.";
    if (round.status != RoundStatus::draft)
      return "Filen har frågor som omgången saknar. Frågorna kan bara ändras innan omgången öppnas.";
  }
  for (Id id : counts.documents_extended)
    if (auto doc = tx.document(id); doc && !may_edit_document(viewer, tx, *doc))
      return "Filen har områden eller punkter som styrdokumentet \"" + doc->title +
             "\" saknar, och du får inte ändra det styrdokumentet.";
  if (!before) {
    if (!manages) return "Enheten är inte med i omgången, och du kan inte lägga till enheter i den.";
    if (round.status != RoundStatus::draft && round.status != RoundStatus::open)
      return "Omgången är stängd och kan inte ändras.";
  }
  if (counts.answers_saved > 0) {
    // A draft is filled with earlier answers by those who manage it (an import into a new
    // round makes a draft); other rounds take answers while the answering page would.
    const bool filling_draft = round.status == RoundStatus::draft && manages;
    if (auto why = round_closed_reason(round, before.value_or(Response{})); !why.empty() && !filling_draft) return why;
    if (counts.new_edition) return kLockedMessage;
  }
  return "";
}

FileResult save_one(store::Store& store, const Viewer& viewer, const UploadedFile& file, const RoundChoice& round,
                    Id unit_id) {
  FileResult result{.file_name = file.file_name};
  try {
    auto followup = read_followup_bytes(file.file_name, file.bytes, file.options);
    auto tx = store.begin();
    std::optional<Round> existing = round.round_id ? tx->round(*round.round_id) : tx->round_by_name(round.new_name);
    Id round_id = 0;
    bool manages = true;
    std::optional<Response> before;
    if (existing) {
      round_id = existing->id;
      manages = can_manage_round(viewer, UnitTree(tx->units()), *existing, round_unit_ids(*tx, round_id));
      before = tx->response_of(round_id, unit_id);
    } else {
      round_id = tx->add_round(Round{.name = round.new_name, .year = year_in(round.new_name), .status = RoundStatus::draft});
    }
    const auto counts = save_followup(*tx, followup,
                                      ImportTarget{round_id, unit_id, viewer.email, ResponseStatus::submitted, unit_id});
    if (existing) {
      if (auto why = refusal_of(*tx, viewer, *existing, manages, before, counts); !why.empty()) {
        tx.reset();  // rolls the file back: nothing of it is kept
        audit_refusal(store, actor_of(viewer), unit_id, "status",
                      "import round " + std::to_string(round_id) + ": " + why);
        result.outcome = Outcome::conflict(file.file_name + ": " + why);
        return result;
      }
    }
    audit(*tx, actor_of(viewer),
          AuditEntry{.unit_id = unit_id,
                     .action = "import",
                     .entity = "round",
                     .entity_id = round_id,
                     .after_json = nlohmann::json{{"file", file.file_name}, {"counts", counts_json(counts)}}.dump()});
    tx->commit();
    result.outcome = Outcome::done(round_id);
    result.counts = counts;
    result.round_id = round_id;
  } catch (const ImportError& e) {
    result.outcome = Outcome::invalid("filer", e.what());
  } catch (const store::StoreError& e) {
    result.outcome = Outcome::invalid("filer", file.file_name + ": kunde inte sparas (" + e.what() + ")");
  } catch (const std::exception&) {  // an importer's unforeseen failure is still the file's alone
    result.outcome = Outcome::invalid("filer", file.file_name + ": filen kunde inte läsas");
  }
  return result;
}

}  // namespace

FilePreview import_preview(std::string_view file_name, std::string_view bytes, const importer::ReadOptions& options) {
  FilePreview preview{.file_name = std::string(file_name)};
  try {
    preview.followup = read_followup_bytes(file_name, bytes, options);
  } catch (const ImportError& e) {
    preview.error = e.what();
  } catch (const std::exception& e) {  // an importer's unforeseen failure is still the file's
    preview.error = std::string(file_name) + ": filen kunde inte läsas";
  }
  return preview;
}

bool may_import(const Viewer& viewer) {
  return std::any_of(viewer.grants.begin(), viewer.grants.end(),
                     [](const Grant& g) { return g.role == Role::admin || g.role == Role::coordinator; });
}

std::vector<Unit> import_units(store::Store& store, const Viewer& viewer) {
  if (!may_import(viewer)) return {};
  auto tx = store.begin_read();
  auto units = tx->units();
  const UnitTree tree(units);
  std::erase_if(units, [&](const Unit& u) { return u.closed || !may_import_for(viewer, tree, u.id); });
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return swedish_less(a.name, b.name); });
  return units;
}

std::vector<Round> import_rounds(store::Store& store, const Viewer& viewer) {
  auto tx = store.begin_read();
  const UnitTree tree(tx->units());
  auto rounds = tx->rounds();
  std::erase_if(rounds, [&](const Round& r) { return !can_see_round(viewer, tree, r, round_unit_ids(*tx, r.id)); });
  return rounds;
}

std::string stage_uploads(store::Store& store, const Viewer& viewer, const std::vector<UploadedFile>& files) {
  const std::string token = random_token();
  const std::string now = now_iso();
  auto tx = store.begin();
  tx->delete_uploads_before(to_iso(system_now() - kUploadLifetime));
  for (const auto& f : files)
    tx->add_upload(Upload{.token_hash = hash_token(token), .user_id = viewer.user_id, .file_name = f.file_name,
                          .bytes = f.bytes, .created_at = now});
  tx->commit();
  return token;
}

std::vector<UploadedFile> staged_uploads(store::Store& store, const Viewer& viewer, std::string_view token) {
  if (!looks_like_token(token)) return {};
  const std::string since = to_iso(system_now() - kUploadLifetime);
  auto tx = store.begin_read();
  std::vector<UploadedFile> out;
  for (auto& u : tx->uploads(hash_token(token), viewer.user_id))
    if (u.created_at >= since) out.push_back(UploadedFile{std::move(u.file_name), std::move(u.bytes), {}});
  return out;
}

ImportResult import_save(store::Store& store, const Viewer& viewer, const std::vector<UploadedFile>& files,
                         const RoundChoice& round, Id unit_id) {
  ImportResult result;
  {
    auto tx = store.begin_read();
    auto units = tx->units();
    if (unit_id == 0) {
      result.outcome = Outcome::invalid("enhet", "Välj vilken enhet filerna är svar från.");
      return result;
    }
    auto unit = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == unit_id; });
    if (unit == units.end() || !may_import_for(viewer, UnitTree(units), unit_id)) {
      audit_refusal(store, actor_of(viewer), std::nullopt, "forbidden",
                    "import unit " + std::to_string(unit_id));
      result.outcome = Outcome::not_allowed("Du får inte importera uppföljningar för den enheten.");
      return result;
    }
    result.unit_name = unit->name;
    result.unit_id = unit_id;
    const UnitTree tree(units);
    auto unseen = [&](const std::optional<Round>& r) { return r && !can_see_round(viewer, tree, *r, round_unit_ids(*tx, r->id)); };
    if (round.round_id) {
      auto existing = tx->round(*round.round_id);
      if (!existing || unseen(existing)) {
        result.outcome = Outcome::invalid("omgang", "Den valda uppföljningsomgången finns inte.");
        return result;
      }
      result.round_name = existing->name;
    } else if (trimmed(round.new_name).empty()) {
      result.outcome = Outcome::invalid("omgang", "Välj en uppföljningsomgång eller skriv namnet på en ny.");
      return result;
    } else if (unseen(tx->round_by_name(trimmed(round.new_name)))) {
      result.outcome = Outcome::invalid("omgang", "Det finns redan en uppföljningsomgång med det namnet. Välj ett annat namn.");
      return result;
    } else {
      result.round_name = trimmed(round.new_name);
    }
  }
  if (files.empty()) {
    result.outcome = Outcome::invalid("filer", "Filerna finns inte längre. Ladda upp dem igen.");
    return result;
  }
  const RoundChoice chosen{round.round_id, result.round_name};
  for (const auto& f : files) {
    result.files.push_back(save_one(store, viewer, f, chosen, unit_id));
    if (result.files.back().counts) result.round_id = result.files.back().round_id;
  }
  return result;
}

}  // namespace uppsikt::service
