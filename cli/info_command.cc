// onoma info: which database the options lead to, why, and what it holds.
// Tested by tests/cli/store_cli_test.cc.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/options_internal.h"
#include "cli/store.h"
#include "memory/postgres/connection.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/db_path.h"
#include "memory/sqlite/migrations.h"
#include "memory/store/connection.h"
#include "memory/terms/term_store.h"
#include "memory/tm/translation_memory.h"

namespace onoma::cli {
namespace {

// Where the path came from, as the user would set it (for --json, a fixed
// key that scripts can test).
const char* SourceKey(sqlite::DbPathSource source) {
  switch (source) {
    case sqlite::DbPathSource::kFlag:
      return "--db";
    case sqlite::DbPathSource::kOnomaDb:
      return "ONOMA_DB";
    case sqlite::DbPathSource::kXdgDataHome:
      return "XDG_DATA_HOME";
    case sqlite::DbPathSource::kHome:
      return "HOME";
  }
  return "";
}

std::string SourceText(sqlite::DbPathSource source) {
  switch (source) {
    case sqlite::DbPathSource::kFlag:
      return Tr("--db");
    case sqlite::DbPathSource::kOnomaDb:
      return Tr("$ONOMA_DB");
    case sqlite::DbPathSource::kXdgDataHome:
      return Tr("the default under $XDG_DATA_HOME");
    case sqlite::DbPathSource::kHome:
      return Tr("the default under ~/.local/share");
  }
  return "";
}

// The engine's version: SQLite's library, or the PostgreSQL server's.
Result<std::string> EngineVersion(store::Connection& db) {
  auto query = db.Prepare(db.engine() == store::Engine::kSqlite
                              ? "SELECT sqlite_version()"
                              : "SELECT current_setting('server_version')",
                          "read the engine's version");
  if (!query.ok()) return query.status();
  auto row = (*query)->Step();
  if (!row.ok()) return row.status();
  return *row ? (*query)->ColumnText(0) : std::string();
}

Result<int> SchemaVersion(store::Connection& db) {
  if (sqlite::Database* file = db.sqlite(); file != nullptr) {
    return sqlite::SchemaVersion(*file);
  }
  return postgres::SchemaVersion(db);
}

}  // namespace

int RunInfo(const Options& options) {
  const std::string& what = options.command_name;
  auto location = sqlite::LocateDb(options.db);
  if (!location.ok()) return Fail(what, location.status().WithContext("--db"));
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(what, db.status());
  auto version = SchemaVersion(**db);
  if (!version.ok()) return Fail(what, version.status());
  auto engine_version = EngineVersion(**db);
  if (!engine_version.ok()) return Fail(what, engine_version.status());
  terms::TermStore store(**db);
  auto concepts = store.CountConcepts();
  if (!concepts.ok()) return Fail(what, concepts.status());
  auto terms = store.CountTerms();
  if (!terms.ok()) return Fail(what, terms.status());
  tm::TranslationMemory memory(**db);
  auto stats = memory.Stats();
  if (!stats.ok()) return Fail(what, stats.status());

  const store::Engine engine = (*db)->engine();
  // A URI as the connection shows it: without its password.
  const std::string path = engine == store::Engine::kSqlite
                               ? location->path.string()
                               : (*db)->name();
  const bool read_only = (*db)->read_only();
  if (options.info_json) {
    Json info;
    info["database"] = path;
    info["from"] = SourceKey(location->source);
    info["engine"] = std::string(store::Name(engine));
    info["engine_version"] = *engine_version;
    info["read_only"] = read_only;
    info["schema_version"] = *version;
    info["concepts"] = *concepts;
    info["terms"] = *terms;
    info["units"] = stats->units;
    info["variants"] = stats->variants;
    info["bytes"] = stats->file_bytes;
    const std::string out = JsonLine(info);
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  }
  std::printf("%s: %s\n", Tr("database").c_str(), path.c_str());
  std::printf("%s: %s%s\n", Tr("from").c_str(),
              SourceText(location->source).c_str(),
              read_only ? (" (" + Tr("read-only") + ")").c_str() : "");
  std::printf("%s: %s %s\n", Tr("engine").c_str(),
              engine == store::Engine::kSqlite ? "SQLite" : "PostgreSQL",
              engine_version->c_str());
  std::printf("%s: %d\n", Tr("schema version").c_str(), *version);
  std::printf("%s: %lld\n", Tr("concepts").c_str(),
              static_cast<long long>(*concepts));
  std::printf("%s: %lld\n", Tr("terms").c_str(),
              static_cast<long long>(*terms));
  std::printf("%s: %llu\n", Tr("units").c_str(),
              static_cast<unsigned long long>(stats->units));
  std::printf("%s: %llu\n", Tr("variants").c_str(),
              static_cast<unsigned long long>(stats->variants));
  return kExitOk;
}

// The command line of info (the rows of cli/command_table.cc).

CLI::App* DefineInfo(CLI::App& app, Options& opts) {
  CLI::App* info =
      Sub(app, "info",
          Tr("Show which database is in use (and whether --db, $ONOMA_DB or "
             "the default chose it), its schema version and what it holds"),
          "  onoma info\n"
          "  onoma --db news.db info --json\n");
  info->add_flag("--json", opts.info_json, Tr("Print one JSON object"));
  return info;
}

}  // namespace onoma::cli
