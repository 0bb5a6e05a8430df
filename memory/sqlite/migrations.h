// Schema migrations: bringing a database file up to this binary's schema.
//
// The schema lives in memory/schema/NNNN_name.sql, compiled into the binary.
// A database records in PRAGMA user_version the number of the last migration
// applied to it; migration NNNN leaves it at version NNNN. Database::Open runs
// Migrate() with the compiled-in list, so most code never calls this file;
// tests pass their own lists.
//
//   std::span<const EmbeddedFile> list = BuiltinMigrations();
//   ONOMA_RETURN_IF_ERROR(Migrate(db, list));
//
// Rules for a migration file (checked here, so a mistake fails every test):
//   - named NNNN_name.sql, numbered 0001, 0002, ... without gaps;
//   - never edited once released: a change is a new migration;
//   - no BEGIN/COMMIT and no PRAGMA user_version: Migrate wraps all pending
//     migrations in one transaction and sets the version itself.
//
// Thread safety: as the Database passed in.

#ifndef ONOMA_MEMORY_SQLITE_MIGRATIONS_H_
#define ONOMA_MEMORY_SQLITE_MIGRATIONS_H_

#include <span>

#include "lib/util/embedded_file.h"
#include "lib/util/status.h"

namespace onoma::sqlite {

class Database;

// The migrations compiled into this binary, oldest first. Static storage.
std::span<const EmbeddedFile> BuiltinMigrations();

// The version a database reaches once all of `migrations` are applied: the
// number of the last one, or 0 for an empty list. Fails with kInternal when
// the names break the rules above (a bug in onoma, not in the database).
[[nodiscard]] Result<int> LatestSchemaVersion(
    std::span<const EmbeddedFile> migrations);

// The database's PRAGMA user_version; 0 for a new, empty file.
[[nodiscard]] Result<int> SchemaVersion(Database& db);

// Applies, in order, every migration whose number is above the database's
// version, all in ONE transaction (BEGIN IMMEDIATE), and sets the version to
// the last. Either all pending migrations are applied or none is: a failing
// migration leaves tables and version as they were and returns kDatabase
// naming the file ("cannot apply migration 0002_terms.sql: ...").
// A database already at the latest version is left alone without taking
// the write lock. A database at a higher version than `migrations` know
// fails with kDatabase: "database /p/x.db was made by a newer onoma (schema
// version 7; this onoma knows up to 3); upgrade onoma".
[[nodiscard]] Status Migrate(Database& db,
                             std::span<const EmbeddedFile> migrations);

// For a read-only connection, which cannot migrate: succeeds when the
// database is exactly at the latest version of `migrations`, and otherwise
// fails with kDatabase saying whether onoma or the database needs upgrading.
[[nodiscard]] Status CheckSchemaVersion(
    Database& db, std::span<const EmbeddedFile> migrations);

}  // namespace onoma::sqlite

#endif  // ONOMA_MEMORY_SQLITE_MIGRATIONS_H_
