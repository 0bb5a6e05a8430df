// memory/sqlite: onoma's thin layer over SQLite. Everything that persists
// (the term store, the translation memory) goes through it.
//
// Open a database. Open configures the connection (busy timeout, foreign
// keys, WAL) and migrates the schema to this binary's version:
//
//   #include "memory/sqlite/sqlite.h"
//   using namespace onoma::sqlite;
//
//   onoma::Result<std::filesystem::path> path =
//       PrepareDbPath(options.db, Env::Process());  // --db, $ONOMA_DB, ...
//   if (!path.ok()) return path.status();
//   onoma::Result<Database> db = Database::Open(*path);
//   if (!db.ok()) return db.status();  // kDatabase: "cannot open database
//                                      // /x/y.db: unable to open ..."
//
// Prepare a statement, bind parameters (1-based), step through rows and read
// columns (0-based). User text is always bound, never spliced into SQL, so
// "'; DROP TABLE meta; --" is stored as the harmless string it is:
//
//   onoma::Result<Statement> find = db->Prepare(
//       "SELECT value FROM meta WHERE key = ?1", "read database metadata");
//   if (!find.ok()) return find.status();
//   ONOMA_RETURN_IF_ERROR(find->Bind(1, key));
//   for (;;) {
//     onoma::Result<bool> row = find->Step();
//     if (!row.ok()) return row.status();  // "cannot read database
//     if (!*row) break;                    // metadata: ..."
//     std::string value = find->ColumnText(0);
//   }
//
// On a hot path (a lookup per word), prepare once per connection: Cached
// returns a statement owned by the Database, reset and with bindings
// cleared, compiled on first use only:
//
//   onoma::Result<Statement*> lookup = db->Cached(
//       "SELECT concept_id FROM term WHERE folded = ?1", "look up term");
//   if (!lookup.ok()) return lookup.status();
//   ONOMA_RETURN_IF_ERROR((*lookup)->Bind(1, folded));
//
// Write in a transaction: one per command, so that a failure leaves the
// database as it was. The destructor rolls back unless Commit() ran:
//
//   onoma::Result<Transaction> txn = Transaction::Begin(*db);
//   if (!txn.ok()) return txn.status();   // busy past the timeout: kDatabase
//   ONOMA_RETURN_IF_ERROR(AddTerms(*db, terms));  // returns early: rollback
//   ONOMA_RETURN_IF_ERROR(txn->Commit());
//
// Change the schema by adding memory/schema/NNNN_name.sql, the next number;
// the build compiles it in, and the next Open of every database applies it
// (Migrate, in one transaction, recording NNNN in PRAGMA user_version). A
// database from a newer onoma is refused rather than misread.
//
// Files:
//   database.h     Database, OpenOptions: the connection, Exec, Prepare, Cached
//   statement.h    Statement: binding, stepping, columns
//   transaction.h  Transaction: BEGIN IMMEDIATE, Commit, rollback on scope exit
//   migrations.h   Migrate, SchemaVersion: the schema under PRAGMA user_version
//   db_path.h      ResolveDbPath, PrepareDbPath, Env: where the file lives
//
// Errors: every failure is a kDatabase Status naming what was being done and
// SQLite's reason; a busy database says so and that another connection holds
// it. Nothing throws. Thread safety: one thread at a time per Database and
// its Statements; open one connection per thread.

#ifndef ONOMA_MEMORY_SQLITE_SQLITE_H_
#define ONOMA_MEMORY_SQLITE_SQLITE_H_

#include "memory/sqlite/database.h"
#include "memory/sqlite/db_path.h"
#include "memory/sqlite/migrations.h"
#include "memory/sqlite/statement.h"
#include "memory/sqlite/transaction.h"

#endif  // ONOMA_MEMORY_SQLITE_SQLITE_H_
