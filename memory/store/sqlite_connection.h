// SqliteConnection: the storage seam (memory/store/connection.h) over a
// SQLite database (memory/sqlite/). Every call goes straight to the
// memory/sqlite classes: the same statements, the same BEGIN IMMEDIATE,
// the same cache of prepared statements.
//
// Ownership: borrows a Database (which must outlive it) or owns one moved
// in. Thread safety: one thread at a time, as the Database.

#ifndef ONOMA_MEMORY_STORE_SQLITE_CONNECTION_H_
#define ONOMA_MEMORY_STORE_SQLITE_CONNECTION_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "memory/sqlite/database.h"
#include "memory/sqlite/transaction.h"
#include "memory/store/connection.h"

namespace onoma::store {

class SqliteStatement;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite::Database& db);
  explicit SqliteConnection(sqlite::Database&& db);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Engine engine() const override { return Engine::kSqlite; }
  std::string name() const override;
  bool read_only() const override;

  Status Exec(std::string_view sql, std::string_view purpose) override;
  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql,
                                             std::string_view purpose) override;
  Result<Statement*> Cached(std::string_view sql,
                            std::string_view purpose) override;
  Result<std::int64_t> LastInsertId() override;
  std::int64_t Changes() const override;
  Status PrepareBulkWrite() override;
  sqlite::Database* sqlite() override { return db_; }

 protected:
  Status BeginWrite() override;
  Status CommitWrite() override;
  Status RollbackWrite() override;
  Result<bool> TryBeginWrite() override;
  bool BeginRead() override;
  void EndRead() override;

 private:
  std::unique_ptr<sqlite::Database> owned_;
  sqlite::Database* db_;
  std::optional<sqlite::Transaction> txn_;
  std::optional<sqlite::ReadScope> read_;
  // The seam's face of each statement the Database caches.
  std::unordered_map<const sqlite::Statement*, std::unique_ptr<SqliteStatement>>
      cached_;
};

}  // namespace onoma::store

#endif  // ONOMA_MEMORY_STORE_SQLITE_CONNECTION_H_
