#pragma once
// Reads an old follow-up file from disk, choosing the importer by the file's kind.
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::service {

// A file that cannot be read as a follow-up. The message names the file and says what is
// wrong, in Swedish, ready to show.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads the file and hands its bytes to read_followup_bytes under the file's path.
importer::FollowUp read_followup_file(const std::filesystem::path& path, const importer::ReadOptions& options = {});

// Reads a follow-up from bytes (an upload), choosing the importer by `file_name`'s extension
// (.txt, .docx, .odt, .xlsx, .pdf, in any case), with the user's `options` (read_options.h).
// Throws ImportError naming `file_name`.
importer::FollowUp read_followup_bytes(std::string_view file_name, std::string_view bytes,
                                       const importer::ReadOptions& options = {});

}  // namespace uppsikt::service
