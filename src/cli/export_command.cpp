// uppsikt export --db DB --round NAME [--unit NAME] --format F --out FILE [filters]
// Writes a unit's report, or without --unit the round's compiled report, for automation.
// The command line is trusted like an administrator: no permission check.
#include <fstream>
#include <iostream>

#include "cli/open_store.h"
#include "cli/subcommands.h"
#include "report/export.h"
#include "report/report_error.h"
#include "service/report_data.h"

namespace uppsikt::cli {
namespace {

service::ReportFilter filter_of(store::Tx& tx, const ExportOptions& options) {
  service::ReportFilter filter{.with_comments = !options.without_comments};
  if (!options.scope.empty()) {
    auto unit = tx.unit_by_name(options.scope);
    if (!unit) throw UsageError("enheten \"" + options.scope + "\" finns inte (--scope)");
    filter.scope = unit->id;
  }
  for (const auto& code : options.kinds) {
    auto kind = unit_kind_from_code(code);
    if (!kind) throw UsageError("okänd enhetstyp \"" + code + "\" (--kinds: fullmaktige, styrelse, namnd, forvaltning, bolag, forbund, kommun, lan, nation)");
    filter.kinds.push_back(*kind);
  }
  if (!options.document.empty()) {
    auto doc = tx.document_by_title(options.document);
    if (!doc) throw UsageError("styrdokumentet \"" + options.document + "\" finns inte (--document)");
    filter.document_id = doc->id;
  }
  return filter;
}

report::Exported exported(store::Store& store, const ExportOptions& options, report::Format format) {
  Id round_id = 0;
  std::optional<Id> unit_id;
  service::ReportFilter filter;
  {
    auto tx = store.begin_read();
    auto round = tx->round_by_name(options.round);
    if (!round) throw UsageError("omgången \"" + options.round + "\" finns inte");
    round_id = round->id;
    if (!options.unit.empty()) {
      auto unit = tx->unit_by_name(options.unit);
      if (!unit) throw UsageError("enheten \"" + options.unit + "\" finns inte");
      unit_id = unit->id;
    }
    filter = filter_of(*tx, options);
    filter.listing = service::listing_for(format);
  }
  if (unit_id) {
    // Comments may hold personal data: --without-comments leaves them out here too.
    auto report = service::unit_report(store, round_id, *unit_id, filter);
    if (!report) throw UsageError("enheten \"" + options.unit + "\" har inget svar i omgången \"" + options.round + "\"");
    return report::export_report(*report, format);
  }
  auto report = service::compiled_report(store, round_id, filter);
  if (!report) throw UsageError("omgången \"" + options.round + "\" finns inte längre");  // removed meanwhile
  return report::export_report(*report, format);
}

}  // namespace

int export_command(const ExportOptions& options) {
  auto format = report::format_from_code(options.format);
  if (!format) throw UsageError("okänt format \"" + options.format + "\" (" + std::string(report::format_codes()) + ")");
  if (!options.unit.empty() && (!options.scope.empty() || !options.kinds.empty() || !options.document.empty()))
    throw UsageError("--scope, --kinds och --document gäller sammanställningen, inte en enhets rapport (--unit)");
  auto store = open_store(options.db);
  report::Exported out;
  try {
    out = exported(*store, options, *format);
  } catch (const report::ReportError& e) {
    std::cerr << "uppsikt: " << e.what() << "\n";
    return 1;
  }
  std::ofstream file(options.out, std::ios::binary | std::ios::trunc);
  if (!file) throw UsageError("kan inte skriva filen " + options.out);
  file.write(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size()));
  file.close();
  if (!file) throw UsageError("kan inte skriva filen " + options.out);
  std::cerr << options.out << ": " << out.bytes.size() << " byte (" << options.format << ")\n";
  return 0;
}

}  // namespace uppsikt::cli
