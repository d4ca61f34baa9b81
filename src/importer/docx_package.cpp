#include "importer/docx_package.h"

#include <zip.h>

#include <memory>

#include "importer/followup.h"

namespace uppsikt::importer {
namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;
using ArchiveFile = std::unique_ptr<zip_file_t, ZipFileCloser>;

Archive open_archive(std::string_view bytes, const DocxLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  // The source only borrows the bytes (freep = 0); they outlive the archive.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    if (source) zip_source_free(source);
    throw ImportFailure("filen är " + limits.not_this + ": den går inte att packa upp som zip-arkiv");
  }
  return Archive(archive);
}

// Reads at most `limit` + 1 bytes, so that a lying size in the directory cannot make the
// read run on.
std::string read_entry(zip_t* archive, zip_int64_t index, const DocxLimits& limits) {
  const std::size_t limit = limits.max_part_bytes;
  ArchiveFile file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
  if (!file) throw ImportFailure(limits.name + " är skadat eller krypterat: innehållet går inte att läsa");
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) throw ImportFailure(limits.name + " är skadat: innehållet går inte att packa upp");
    if (n == 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > limit) throw ImportFailure(limits.name + " är för stort uppackat och har inte lästs");
  }
}

}  // namespace

std::string read_docx_part(std::string_view bytes, const char* part, const DocxLimits& limits) {
  Archive archive = open_archive(bytes, limits);
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  if (entries < 0 || static_cast<std::size_t>(entries) > limits.max_entries)
    throw ImportFailure(limits.name + " har för många delar och har inte lästs");
  const zip_int64_t index = zip_name_locate(archive.get(), part, 0);
  if (index < 0) throw ImportFailure("filen är " + limits.not_this + ": " + part + " saknas");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) && stat.size > limits.max_part_bytes)
    throw ImportFailure(limits.name + " är för stort uppackat och har inte lästs");
  return read_entry(archive.get(), index, limits);
}

}  // namespace uppsikt::importer
