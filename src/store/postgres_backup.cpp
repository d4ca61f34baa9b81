// PostgreSQL backup and restore with pg_dump and pg_restore (custom format), run as processes.
// Only the schema the store uses is copied (current_schema(), normally public), and a restore
// puts it back into a schema of the same name.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/backends_impl.h"
#include "store/child_process_impl.h"

namespace uppsikt::store {
namespace {

// What pg_dump -v and pg_restore -v write when they start on a table's rows.
constexpr std::string_view kDumpingTable = "dumping contents of table";
constexpr std::string_view kRestoringTable = "processing data for table";
constexpr std::size_t kErrorLinesKept = 5;

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::unique_ptr<soci::session> connect(const std::string& url) {
  try {
    return std::make_unique<soci::session>(soci::postgresql, url);
  } catch (const std::exception& e) {
    throw StoreError(fmt::format("kan inte ansluta till PostgreSQL: {}", e.what()));
  }
}

std::string current_schema(soci::session& sql) {
  std::string schema;
  sql << "SELECT current_schema()", soci::into(schema);
  return schema;
}

std::vector<std::string> tables_of(soci::session& sql, const std::string& schema) {
  std::vector<std::string> tables(1000);
  sql << "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema "
         "AND table_type = 'BASE TABLE' ORDER BY table_name",
      soci::use(schema), soci::into(tables);
  return tables;
}

// The schema's tables, qualified and separated by commas, for DROP TABLE and VACUUM; empty if
// it has none.
std::string table_list(soci::session& sql, const std::string& schema) {
  std::string list;
  for (const auto& table : tables_of(sql, schema))
    list += (list.empty() ? "" : ", ") + quoted(schema) + "." + quoted(table);
  return list;
}

bool holds_data(soci::session& sql, const std::string& schema) {
  for (const auto& table : tables_of(sql, schema)) {
    if (table == "schema_version") continue;
    int found = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT 1 FROM " + quoted(schema) + "." + quoted(table) + " LIMIT 1", soci::into(found, ind);
    if (sql.got_data()) return true;
  }
  return false;
}

// Runs a pg_ tool; `on_table` is told of each table it starts on (by its -v lines). Throws
// with the tool's last lines of output when it fails.
void run_tool(const std::vector<std::string>& argv, std::string_view table_marker,
              const std::function<void()>& on_table) {
  std::vector<std::string> last;
  const int status = run_process(argv, [&](const std::string& line) {
    if (line.find(table_marker) != std::string::npos) on_table();
    last.push_back(line);
    if (last.size() > kErrorLinesKept) last.erase(last.begin());
  });
  if (status == 0) return;
  if (status == 127 && last.empty())
    throw StoreError(fmt::format("kan inte starta {} (installera PostgreSQL-klienten)", argv[0]));
  std::string detail;
  for (const auto& line : last) detail += "\n  " + line;
  throw StoreError(fmt::format("{} misslyckades (kod {}):{}", argv[0], status, detail));
}

// Reports table `done` of `total` as a percent; `progress` must outlive the counter.
std::function<void()> table_counter(const BackupProgress& progress, std::size_t total) {
  auto done = std::make_shared<std::size_t>(0);
  return [&progress, total, done] {
    ++*done;
    if (progress && total > 0) progress(static_cast<int>(std::min<std::size_t>(99, 100 * *done / total)));
  };
}

// The table of contents of a dump, as pg_restore -l lists it.
struct Contents {
  std::string schema;           // of its tables
  std::size_t tables_with_data = 0;
  bool has_schema_version = false;
  std::string list_without_schemas;  // for pg_restore -L: the schema is made by restore itself
};

Contents read_contents(const std::string& file, const std::string& list_path) {
  run_tool({"pg_restore", "--list", "--file=" + list_path, file}, "", [] {});
  std::ifstream in(list_path);
  Contents contents;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string id, oids1, oids2, type, schema, name;
    words >> id >> oids1 >> oids2 >> type >> schema >> name;
    if (type == "SCHEMA" || (type == "COMMENT" && name == "SCHEMA")) continue;
    if (type == "TABLE" && schema != "DATA") {
      contents.schema = schema;
      if (name == "schema_version") contents.has_schema_version = true;
    }
    if (type == "TABLE" && schema == "DATA") ++contents.tables_with_data;
    contents.list_without_schemas += line + "\n";
  }
  return contents;
}

}  // namespace

void backup_postgresql(const std::string& url, const std::string& file,
                       const BackupProgress& progress) {
  namespace fs = std::filesystem;
  auto session = connect(url);
  auto& sql = *session;
  const std::string schema = current_schema(sql);
  const std::size_t tables = tables_of(sql, schema).size();
  const std::string partial = file + ".tmp";
  std::error_code ignored;
  fs::remove(partial, ignored);
  try {
    run_tool({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--verbose",
              "--schema=" + quoted(schema), "--file=" + partial, "--dbname=" + url},
             kDumpingTable, table_counter(progress, tables));
  } catch (const StoreError& e) {
    fs::remove(partial, ignored);
    throw StoreError(fmt::format("säkerhetskopieringen misslyckades: {}", e.what()));
  }
  fs::rename(partial, file);
  if (progress) progress(100);
}

void restore_postgresql(const std::string& url, const std::string& file, bool force,
                        const BackupProgress& progress) {
  namespace fs = std::filesystem;
  if (!fs::exists(file)) throw StoreError(fmt::format("filen {} finns inte", file));
  const std::string list_path = file + ".lista";
  struct RemoveList {
    std::string path;
    ~RemoveList() { std::error_code ignored; std::filesystem::remove(path, ignored); }
  } remove_list{list_path};

  Contents contents;
  try {
    contents = read_contents(file, list_path);
  } catch (const StoreError&) {
    throw StoreError(fmt::format("{} är ingen säkerhetskopia från pg_dump (custom-format)", file));
  }
  if (!contents.has_schema_version)
    throw StoreError(fmt::format("{} är ingen säkerhetskopia av en Uppsikt-databas", file));

  auto session = connect(url);
  auto& sql = *session;
  const std::string schema = current_schema(sql);
  if (schema != contents.schema)
    throw StoreError(fmt::format("säkerhetskopian gäller schemat {}, men databasen använder {}",
                                 contents.schema, schema));
  if (holds_data(sql, schema)) {
    if (!force) throw NotEmptyError("databasen innehåller redan data");
  }
  // Whatever is there goes, in one transaction; the restore then creates every table anew.
  {
    soci::transaction tx(sql);
    const std::string drop = table_list(sql, schema);
    if (!drop.empty()) sql << "DROP TABLE " + drop + " CASCADE";
    int exists = 0;
    sql << "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = :schema",
        soci::use(schema), soci::into(exists);
    if (exists == 0) sql << "CREATE SCHEMA " + quoted(schema);
    tx.commit();
  }
  std::ofstream(list_path) << contents.list_without_schemas;
  try {
    run_tool({"pg_restore", "--verbose", "--exit-on-error", "--single-transaction", "--no-owner",
              "--no-privileges", "--use-list=" + list_path, "--dbname=" + url, file},
             kRestoringTable, table_counter(progress, contents.tables_with_data));
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("återställningen misslyckades: {}", e.what()));
  }
  open_postgresql(url);  // migrations newer than the backup
  // pg_restore brings no planner statistics, and autovacuum may take its time to gather them:
  // until then PostgreSQL takes every table for nearly empty and plans a national round's
  // counts as nested loops, 14 s for what takes 1 s. VACUUM also marks the pages all-visible,
  // so that those counts read the index alone (0.85 s instead of 1.1 s for the report).
  const std::string tables = table_list(sql, schema);
  if (!tables.empty()) sql << "VACUUM (ANALYZE) " + tables;
  if (progress) progress(100);
}

}  // namespace uppsikt::store
