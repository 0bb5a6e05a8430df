// Opening the store for a command: the --db path rules of docs/cli.md, the
// schema created or upgraded, errors as Status (exit 4 through Fail()).

#ifndef ONOMA_CLI_STORE_H_
#define ONOMA_CLI_STORE_H_

#include <memory>

#include "cli/options.h"
#include "lib/util/status.h"
#include "memory/sqlite/database.h"
#include "memory/store/connection.h"

namespace onoma::cli {

// Opens (migrating as needed) the database the options name: read-only
// with --read-only, or for a command that only reads when the file or its
// directory cannot be written; kDatabase for a command that writes to such
// a database. A database that does not exist is created, with a line on
// stderr saying so, only for a command that writes; for one that only
// reads it is kDatabase naming the path (a mistyped --db should not make
// an empty store that a read then passes on). Tested by
// tests/cli/store_cli_test.cc. Waits --busy-timeout for another onoma's
// lock, saying so on a terminal after a second.
// This opens SQLite only (OpenConnection opens either engine, and calls it
// for a file). A PostgreSQL URI is refused with kDatabase saying so.
Result<sqlite::Database> OpenStore(const Options& options);

// The store through the storage seam (memory/store/connection.h): a
// PostgreSQL database for a postgresql:// or postgres:// URI (handed to
// libpq as it is), else the SQLite file as OpenStore opens it. Every
// command's store.
Result<std::unique_ptr<store::Connection>> OpenConnection(
    const Options& options);

// Says once per run, on stderr, that the translation memory's lookup or
// concordance index could not be brought up to date (a read-only
// database, or another onoma writing) and that the units it lacks are
// read one by one.
void NoteStaleIndex(const sqlite::Database& db);
void NoteStaleIndex(const store::Connection& db);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_STORE_H_
