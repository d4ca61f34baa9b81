#pragma once
// Importing old follow-ups through the browser: read uploaded files for a preview, keep them
// server-side between the preview and the save (pages work without JavaScript, so the
// preview form carries only a token), and save them into a round for a unit. Only an admin
// or a coordinator on the unit (or above it) may import. Errors are values, in Swedish.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "importer/followup.h"
#include "importer/read_options.h"
#include "service/followup_import.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct UploadedFile {
  std::string file_name;
  std::string bytes;
  importer::ReadOptions options;  // the coordinator's corrections, chosen on the preview; not staged
};

// One file read for the preview: the follow-up, or why it cannot be read (naming the file).
struct FilePreview {
  std::string file_name;
  std::optional<importer::FollowUp> followup;
  std::string error;
};

FilePreview import_preview(std::string_view file_name, std::string_view bytes,
                           const importer::ReadOptions& options = {});

// Whether the viewer may import at all (admin or coordinator anywhere) and for which units
// (the subtrees of those grants), sorted by name by Swedish rules.
bool may_import(const Viewer& viewer);
std::vector<Unit> import_units(store::Store& store, const Viewer& viewer);
// The rounds one may import into: those the viewer sees (can_see_round), newest first.
std::vector<Round> import_rounds(store::Store& store, const Viewer& viewer);

// Keeps the files for the viewer and returns the token that finds them again (never
// stored itself: the store keeps its hash). Drops uploads older than 24 h first.
std::string stage_uploads(store::Store& store, const Viewer& viewer, const std::vector<UploadedFile>& files);
// The viewer's files under `token`; empty for an unknown, foreign or expired token.
std::vector<UploadedFile> staged_uploads(store::Store& store, const Viewer& viewer, std::string_view token);

// The round to save into: an existing one, or a new one by name (reused if the name exists).
struct RoundChoice {
  std::optional<Id> round_id;
  std::string new_name;
};

// One file: done (saved, the id is the round it went into), conflict (not saved because a rule
// of the pages forbids the change now) or invalid on "filer" (it could not be read or saved);
// each refusal's message names the file.
struct FileResult {
  std::string file_name;
  Outcome outcome;
  std::optional<ImportCounts> counts;  // when saved
  Id round_id = 0;                     // when saved: the round it went into
};

struct ImportResult {
  // Done when the files were read through, each saved or not (`files` says which); refused
  // before any is read as not allowed (the unit is not the viewer's to import for) or invalid
  // on the form's field: "enhet" (none chosen), "omgang" (none, an unknown one, or a new name
  // that is taken) or "filer" (the uploads have expired).
  Outcome outcome;
  Id round_id = 0;      // the round saved into, once a file is saved
  std::string round_name;
  Id unit_id = 0;
  std::string unit_name;
  std::vector<FileResult> files;
};

// Saves each file in a transaction of its own, with its audit row ("import") in the same one.
// Into a round that exists, a file is saved only where the pages would allow each change it
// makes: answers only where the round takes changes and the response is not handed in or
// approved, new questions only in a draft round the viewer manages, a new unit only in a
// round the viewer manages, new areas or items only in documents the viewer may edit.
// Otherwise the file is refused with the page's message and nothing of it is written.
// A round named anew is made as a draft, so that no unit sees it before someone opens it;
// a draft takes answers from those who manage it. No unit chosen (`unit_id` 0) is refused as
// no_unit.
ImportResult import_save(store::Store& store, const Viewer& viewer, const std::vector<UploadedFile>& files,
                         const RoundChoice& round, Id unit_id);

}  // namespace uppsikt::service
