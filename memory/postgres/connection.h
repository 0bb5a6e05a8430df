// memory/postgres: onoma's store on a PostgreSQL server, for a desk that
// shares one termbase and one memory (docs/shared-store.md). It implements
// the storage seam (memory/store/connection.h) through libpq; code above
// it never sees libpq.
//
//   onoma::postgres::OpenOptions options;
//   auto db = onoma::postgres::Open("postgresql://ana@db.desk/onoma",
//                                   options);
//   if (!db.ok()) return db.status();  // kDatabase: libpq's reason, or a
//                                      // database that is not UTF-8
//   onoma::terms::TermStore store(**db);
//
// The location goes to libpq as it is, so every form libpq takes works
// (postgresql:///onoma?host=/run/pg&port=5433 for a local socket), and the
// usual libpq environment (PGHOST, PGUSER, PGPASSWORD, ~/.pgpass) fills in
// what it leaves out.
//
// Open refuses a database whose encoding is not UTF8 or whose collation
// or character classification (LC_COLLATE, LC_CTYPE) is not a UTF-8
// locale: under C, pg_trgm takes every letter outside ASCII for a
// separator, and concordance would find nothing in Ukrainian or Korean.
// It applies the migrations of memory/schema_postgres/ (numbered as
// memory/schema/'s) under the key 'schema_version' of table meta, and
// refuses a database made by a newer onoma.
//
// Writers: a write transaction takes a transaction-scoped advisory lock
// first, so writers go one at a time, as on SQLite, readers are never
// blocked, and no deadlock or serialization failure can happen between two
// onomas. A wait for the lock ends after OpenOptions::busy_timeout
// (PostgreSQL's lock_timeout) with kDatabase.
//
// Thread safety: one thread at a time per connection.

#ifndef ONOMA_MEMORY_POSTGRES_CONNECTION_H_
#define ONOMA_MEMORY_POSTGRES_CONNECTION_H_

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "lib/util/status.h"
#include "memory/store/connection.h"

namespace onoma::postgres {

struct OpenOptions {
  // Every transaction read-only (SET default_transaction_read_only), and no
  // migrations: a schema older or newer than this onoma's is refused.
  // Default: false.
  bool read_only = false;
  // Apply the migrations of memory/schema_postgres/. Default: true.
  bool migrate = true;
  // How long a statement waits for a lock (another onoma's write) before
  // it fails. Default: 30 s.
  std::chrono::milliseconds busy_timeout{30000};
};

// Connects to the database `location` names (a libpq URI or key=value
// string). Failure: kDatabase with the location (password hidden) and the
// reason.
[[nodiscard]] Result<std::unique_ptr<store::Connection>> Open(
    std::string_view location, const OpenOptions& options = {});

// `location` with any password taken out, for messages.
std::string DisplayName(std::string_view location);

// The highest migration number of memory/schema_postgres/.
int LatestSchemaVersion();

// The schema version of the database behind `db` (0 for an empty one).
// REQUIRES: db.engine() is kPostgres.
[[nodiscard]] Result<int> SchemaVersion(store::Connection& db);

}  // namespace onoma::postgres

#endif  // ONOMA_MEMORY_POSTGRES_CONNECTION_H_
