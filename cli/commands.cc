#include "cli/commands.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include "cli/command_table.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/store.h"
#include "memory/sqlite/db_path.h"
#include "memory/store/open.h"
#include "memory/store/sqlite_connection.h"

namespace onoma::cli {
namespace {

// The commands that only read the database, which a read-only file serves
// (the table's reads_only). Their derived indexes (tm lookup, tm
// concordance) are then used as they are, and what they lack is read unit
// by unit.
bool ReadsOnly(const Options& options) {
  return options.command != nullptr && options.command->reads_only != nullptr &&
         options.command->reads_only(options);
}

// The refusal of a command that only reads to open a database that is not
// there, with the likely cause.
Status NoDatabase(const sqlite::DbLocation& location) {
  const std::string path = location.path.string();
  switch (location.source) {
    case sqlite::DbPathSource::kFlag:
      return Status::Database(
          Format(Tr("no database at {0} (a mistyped --db? 'onoma term "
                    "import' or 'onoma tm import' creates one)"),
                 {path}));
    case sqlite::DbPathSource::kOnomaDb:
      return Status::Database(
          Format(Tr("no database at {0} (a mistyped $ONOMA_DB? 'onoma term "
                    "import' or 'onoma tm import' creates one)"),
                 {path}));
    default:
      return Status::Database(
          Format(Tr("no database at {0} yet; 'onoma term import' or 'onoma "
                    "tm import' creates one"),
                 {path}));
  }
}

// Whether this process may write the database file and create its journal
// beside it. True for a file that does not exist yet: creating it tells.
// access() answers for the real user, as SQLite's open does, and says
// EROFS on a read-only file system.
bool Writable(const std::filesystem::path& path) {
  if (access(path.c_str(), F_OK) != 0) return true;
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  return access(path.c_str(), W_OK) == 0 && access(dir.c_str(), W_OK) == 0;
}

std::chrono::milliseconds BusyTimeout(const Options& options) {
  return std::chrono::milliseconds(
      std::llround(std::max(0.0, options.busy_timeout) * 1000));
}

}  // namespace

void NoteStaleIndex(bool read_only);

Result<sqlite::Database> OpenStore(const Options& options) {
  auto location = sqlite::LocateDb(options.db);
  if (!location.ok()) return location.status().WithContext("--db");
  const std::filesystem::path& path = location->path;
  if (store::IsPostgresUri(path.string())) {
    return Status::Database(
        Format(Tr("'onoma {0}' does not work on PostgreSQL yet (the term "
                  "commands, lookup of names, normalize and the tm "
                  "commands do); give it a SQLite file "
                  "(docs/shared-store.md)"),
               {options.command_name}));
  }
  sqlite::OpenOptions open;
  open.busy_timeout = BusyTimeout(options);
  if (isatty(STDERR_FILENO) == 1) {
    open.on_busy_wait = [] {
      std::cerr << "onoma: "
                << Tr("waiting for the database (locked by another onoma)…")
                << std::endl;
    };
  }
  const bool reads_only = ReadsOnly(options);
  if (options.read_only && !reads_only) {
    return Status::Database(
        Format(Tr("{0} is opened read-only (--read-only), and this command "
                  "writes to it"),
               {path.string()}));
  }
  // Only a command that writes creates the database: a mistyped --db must
  // not leave an empty store behind that a read (normalize --check) then
  // passes on. A path that cannot be examined is left to Open to explain.
  std::error_code error;
  const bool exists =
      path == ":memory:" || std::filesystem::exists(path, error) || error;
  if (!exists && reads_only) return NoDatabase(*location);
  if (!exists) {
    if (location->source == sqlite::DbPathSource::kXdgDataHome ||
        location->source == sqlite::DbPathSource::kHome) {
      ONOMA_RETURN_IF_ERROR(sqlite::EnsureParentDirectory(path));
    }
    open.create = true;
    auto db = sqlite::Database::Open(path, open);
    if (db.ok()) {
      std::cerr << "onoma: "
                << Format(Tr("created the database {0}"), {path.string()})
                << '\n';
    }
    return db;
  }
  open.create = false;
  if (!options.read_only && !Writable(path)) {
    if (!reads_only) {
      return Status::Database(
          Format(Tr("{0} cannot be written (no permission to write it or its "
                    "directory, or a read-only file system), and this command "
                    "writes to it"),
                 {path.string()}));
    }
    open.read_only = true;
  }
  open.read_only = open.read_only || options.read_only;
  return sqlite::Database::Open(path, open);
}

Result<std::unique_ptr<store::Connection>> OpenConnection(
    const Options& options) {
  auto location = sqlite::LocateDb(options.db);
  if (!location.ok()) return location.status().WithContext("--db");
  const std::string where = location->path.string();
  if (store::IsPostgresUri(where)) {
    if (options.read_only && !ReadsOnly(options)) {
      return Status::Database(
          Format(Tr("{0} is opened read-only (--read-only), and this command "
                    "writes to it"),
                 {where}));
    }
    store::OpenOptions open;
    open.read_only = options.read_only;
    open.busy_timeout = BusyTimeout(options);
    return store::Open(where, open);
  }
  auto db = OpenStore(options);
  if (!db.ok()) return db.status();
  return std::unique_ptr<store::Connection>(
      std::make_unique<store::SqliteConnection>(std::move(*db)));
}

void NoteStaleIndex(const sqlite::Database& db) {
  NoteStaleIndex(db.read_only());
}

void NoteStaleIndex(const store::Connection& db) {
  NoteStaleIndex(db.read_only());
}

void NoteStaleIndex(bool read_only) {
  static bool noted = false;
  if (noted) return;
  noted = true;
  std::cerr << "onoma: "
            << (read_only
                    ? Tr("the database is read-only, so its index cannot be "
                         "brought up to date; the units it lacks are read "
                         "one by one (slower)")
                    : Tr("another onoma is writing to the database, so its "
                         "index cannot be brought up to date now; the units "
                         "it lacks are read one by one (slower)"))
            << '\n';
}

int Run(const Options& options) {
  if (options.command == nullptr || options.command->run == nullptr) {
    return kExitUsage;
  }
  return options.command->run(options);
}

}  // namespace onoma::cli
