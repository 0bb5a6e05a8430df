// Shared by connection.cc and migrations.cc; not part of the interface.

#ifndef ONOMA_MEMORY_POSTGRES_CONNECTION_INTERNAL_H_
#define ONOMA_MEMORY_POSTGRES_CONNECTION_INTERNAL_H_

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lib/util/status.h"
#include "memory/store/connection.h"

namespace onoma::postgres::internal {

// SQLite's ?N (and bare ?) parameters as PostgreSQL's $N, outside quoted
// text; `params` gets the highest number.
std::string TranslateSql(std::string_view sql, int& params);

// kDatabase: "cannot <doing>: <the server's reason>".
Status ResultError(PGconn* conn, const PGresult* result,
                   std::string_view doing);

// Trailing white space off (libpq's messages end in a newline).
std::string Trim(std::string text);

class PgConnection final : public store::Connection {
 public:
  // Takes `conn`, which is connected.
  PgConnection(PGconn* conn, std::string name, bool read_only);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  store::Engine engine() const override { return store::Engine::kPostgres; }
  std::string name() const override { return name_; }
  bool read_only() const override { return read_only_; }

  Status Exec(std::string_view sql, std::string_view purpose) override;
  Result<std::unique_ptr<store::Statement>> Prepare(
      std::string_view sql, std::string_view purpose) override;
  Result<store::Statement*> Cached(std::string_view sql,
                                   std::string_view purpose) override;
  Result<std::int64_t> LastInsertId() override;
  std::int64_t Changes() const override { return changes_; }
  bool drops_indexes_for_bulk_writes() const override { return false; }
  bool copies_rows() const override { return true; }
  Status CopyIn(std::string_view target, std::string_view rows) override;

  PGconn* handle() const { return conn_; }
  // Records the rows an INSERT, UPDATE or DELETE changed.
  void NoteChanges(const PGresult* result);
  // Keeps the server's statement `name` for the next Prepare of `sql`.
  void ReturnToPool(const std::string& sql, std::string name);

 protected:
  Status BeginWrite() override;
  Status CommitWrite() override;
  Status RollbackWrite() override;
  Status SetSavepoint() override;
  Status ReleaseSavepoint() override;
  Status RollbackToSavepoint() override;
  Result<bool> TryBeginWrite() override;
  bool BeginRead() override;
  void EndRead() override;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>()(text);
    }
  };

  // Prepares `sql` (already in PostgreSQL's dialect) under a new name.
  Result<std::string> PrepareOnServer(const std::string& sql,
                                      std::string_view purpose);

  PGconn* conn_;
  std::string name_;
  bool read_only_;
  bool in_transaction_ = false;
  bool reading_ = false;  // a ReadScope's transaction is open
  int savepoints_ = 0;
  std::int64_t changes_ = 0;
  std::int64_t statements_ = 0;
  std::unordered_map<std::string, std::unique_ptr<store::Statement>, StringHash,
                     std::equal_to<>>
      cache_;
  std::unordered_multimap<std::string, std::string> pool_;
};

// Brings the schema to this onoma's version (when `apply`), or checks that
// it is there (when not): refuses a newer one either way.
Status Migrate(PgConnection& db, bool apply);

}  // namespace onoma::postgres::internal

#endif  // ONOMA_MEMORY_POSTGRES_CONNECTION_INTERNAL_H_
