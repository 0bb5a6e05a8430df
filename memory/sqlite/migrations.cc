#include "memory/sqlite/migrations.h"

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "memory/sqlite/database.h"
#include "memory/sqlite/migrations_internal.h"
#include "memory/sqlite/statement.h"
#include "memory/sqlite/transaction.h"

namespace onoma::sqlite {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "0002_terms.sql" -> 2. kInternal for a name that breaks the rules.
Result<int> MigrationNumber(std::string_view name) {
  constexpr std::string_view kSuffix = ".sql";
  const bool well_formed = name.size() > 5 + kSuffix.size() &&
                           IsDigit(name[0]) && IsDigit(name[1]) &&
                           IsDigit(name[2]) && IsDigit(name[3]) &&
                           name[4] == '_' && name.ends_with(kSuffix);
  if (!well_formed) {
    return Status::Internal("migration file name '" + std::string(name) +
                            "' is not of the form NNNN_name.sql");
  }
  return (name[0] - '0') * 1000 + (name[1] - '0') * 100 + (name[2] - '0') * 10 +
         (name[3] - '0');
}

std::string FourDigits(int n) {
  std::string digits = std::to_string(n);
  return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

Status NewerDatabase(const Database& db, int version, int latest) {
  return Status::Database("database " + db.path().string() +
                          " was made by a newer onoma (schema version " +
                          std::to_string(version) +
                          "; this onoma knows up to " + std::to_string(latest) +
                          "); upgrade onoma");
}

// A version no onoma writes: negative (PRAGMA user_version is a signed
// 32-bit number any tool can set), or newer than `latest`. Checked before
// the version is used to pick migrations, so that a hostile or damaged
// file is refused rather than read out of bounds.
Status CheckKnown(const Database& db, int version, int latest) {
  if (version < 0) {
    return Status::Database("database " + db.path().string() +
                            " has schema version " + std::to_string(version) +
                            ", which no onoma writes (this onoma knows 0 to " +
                            std::to_string(latest) +
                            "); it is damaged or not an onoma database");
  }
  if (version > latest) return NewerDatabase(db, version, latest);
  return Status::Ok();
}

}  // namespace

std::span<const EmbeddedFile> BuiltinMigrations() {
  return internal::Migrations();
}

Result<int> LatestSchemaVersion(std::span<const EmbeddedFile> migrations) {
  int expected = 1;
  for (const EmbeddedFile& migration : migrations) {
    Result<int> number = MigrationNumber(migration.name);
    if (!number.ok()) return number.status();
    // Without gaps, "version N" means "migrations 1..N applied", and a
    // mistyped number (0020 for 0002) fails here rather than in the field.
    if (*number != expected) {
      return Status::Internal("migration " + std::string(migration.name) +
                              " should be numbered " + FourDigits(expected) +
                              ": migrations are numbered from 0001 without "
                              "gaps, in order");
    }
    ++expected;
  }
  return expected - 1;
}

Result<int> SchemaVersion(Database& db) {
  Result<Statement> pragma =
      db.Prepare("PRAGMA user_version",
                 "read the schema version of " + db.path().string());
  if (!pragma.ok()) return pragma.status();
  Result<bool> row = pragma->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::Internal("PRAGMA user_version returned no row");
  }
  return static_cast<int>(pragma->ColumnInt64(0));
}

Status Migrate(Database& db, std::span<const EmbeddedFile> migrations) {
  Result<int> latest = LatestSchemaVersion(migrations);
  if (!latest.ok()) return latest.status();
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  ONOMA_RETURN_IF_ERROR(CheckKnown(db, *version, *latest));
  // The common case, every run of the command: no write lock, so that a
  // lookup never waits behind another onoma's import.
  if (*version == *latest) return Status::Ok();

  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  // Another onoma may have migrated the file while we waited for the lock.
  version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  ONOMA_RETURN_IF_ERROR(CheckKnown(db, *version, *latest));

  for (int number = *version + 1; number <= *latest; ++number) {
    const EmbeddedFile& migration = migrations[number - 1];
    const std::string purpose = "apply migration " +
                                std::string(migration.name) + " to " +
                                db.path().string();
    ONOMA_RETURN_IF_ERROR(db.Exec(migration.contents, purpose));
    if (sqlite3_get_autocommit(db.handle()) != 0) {
      // A COMMIT or ROLLBACK in the script ended our transaction: what came
      // before it can no longer be undone together with the rest.
      return Status::Internal("migration " + std::string(migration.name) +
                              " ended the transaction it runs in; "
                              "migrations must not contain BEGIN, COMMIT or "
                              "ROLLBACK");
    }
  }
  // PRAGMA takes no bound parameters; the number is one we parsed from a
  // file name and formatted ourselves, never text from a user.
  ONOMA_RETURN_IF_ERROR(
      db.Exec("PRAGMA user_version = " + std::to_string(*latest),
              "set the schema version of " + db.path().string()));
  return transaction->Commit();
}

Status CheckSchemaVersion(Database& db,
                          std::span<const EmbeddedFile> migrations) {
  Result<int> latest = LatestSchemaVersion(migrations);
  if (!latest.ok()) return latest.status();
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  ONOMA_RETURN_IF_ERROR(CheckKnown(db, *version, *latest));
  if (*version < *latest) {
    return Status::Database(
        "database " + db.path().string() + " has schema version " +
        std::to_string(*version) + ", older than this onoma's " +
        std::to_string(*latest) +
        ", and cannot be upgraded while opened read-only; open it once for "
        "writing");
  }
  return Status::Ok();
}

}  // namespace onoma::sqlite
