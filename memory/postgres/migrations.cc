// The schema of a PostgreSQL store: memory/schema_postgres/NNNN_name.sql,
// applied in order, the version kept in meta('schema_version').

#include "memory/sqlite/migrations.h"

#include <string>

#include "memory/postgres/connection.h"
#include "memory/postgres/connection_internal.h"
#include "memory/postgres/migrations_internal.h"

namespace onoma::postgres {

int LatestSchemaVersion() {
  auto latest = sqlite::LatestSchemaVersion(internal::Migrations());
  return latest.ok() ? *latest : 0;
}

Result<int> SchemaVersion(store::Connection& db) {
  auto has_meta = db.Prepare("SELECT to_regclass('meta') IS NOT NULL",
                             "read the schema version of " + db.name());
  if (!has_meta.ok()) return has_meta.status();
  auto row = (*has_meta)->Step();
  if (!row.ok()) return row.status();
  if (!*row || (*has_meta)->ColumnInt64(0) == 0) return 0;
  auto version =
      db.Prepare("SELECT value FROM meta WHERE key = 'schema_version'",
                 "read the schema version of " + db.name());
  if (!version.ok()) return version.status();
  row = (*version)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return 0;
  return static_cast<int>((*version)->ColumnInt64(0));
}

namespace internal {
namespace {

Status CheckKnown(const store::Connection& db, int version, int latest) {
  if (version > latest) {
    return Status::Database("database " + db.name() +
                            " was made by a newer onoma (schema version " +
                            std::to_string(version) +
                            "; this onoma knows up to " +
                            std::to_string(latest) + "); upgrade onoma");
  }
  return Status::Ok();
}

}  // namespace

Status Migrate(PgConnection& db, bool apply) {
  auto migrations = Migrations();
  auto latest = sqlite::LatestSchemaVersion(migrations);
  if (!latest.ok()) return latest.status();
  auto version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  ONOMA_RETURN_IF_ERROR(CheckKnown(db, *version, *latest));
  if (*version == *latest) return Status::Ok();
  if (!apply) {
    return Status::Database("database " + db.name() + " has schema version " +
                            std::to_string(*version) +
                            " and this onoma needs " + std::to_string(*latest) +
                            "; open it once for writing to upgrade it");
  }
  // The write lock: two onomas opening a new database at once migrate it
  // one after the other; the second finds it done.
  auto txn = store::Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  ONOMA_RETURN_IF_ERROR(CheckKnown(db, *version, *latest));
  for (int number = *version + 1; number <= *latest; ++number) {
    const EmbeddedFile& migration = migrations[number - 1];
    ONOMA_RETURN_IF_ERROR(db.Exec(
        migration.contents,
        "apply migration " + std::string(migration.name) + " to " + db.name()));
  }
  auto record = db.Prepare(
      "INSERT INTO meta (key, value) VALUES ('schema_version', ?1) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      "record the schema version");
  if (!record.ok()) return record.status();
  ONOMA_RETURN_IF_ERROR((*record)->Bind(1, std::to_string(*latest)));
  ONOMA_RETURN_IF_ERROR((*record)->Run());
  record->reset();
  return txn->Commit();
}

}  // namespace internal
}  // namespace onoma::postgres
