#pragma once
// Reads an old follow-up file from disk, choosing the importer by the file's kind.
#include <filesystem>
#include <stdexcept>

#include "importer/followup.h"

namespace uppsikt::service {

// A file that cannot be read as a follow-up. The message names the file and says what is
// wrong, in Swedish, ready to show.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

importer::FollowUp read_followup_file(const std::filesystem::path& path);

}  // namespace uppsikt::service
