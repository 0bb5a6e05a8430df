// Transaction: all of a command's writes, or none of them.
//
//   onoma::Result<Transaction> txn = Transaction::Begin(db);
//   if (!txn.ok()) return txn.status();  // e.g. the database is locked
//   ONOMA_RETURN_IF_ERROR(ImportUnits(db, file));  // an early return rolls
//                                                  // back everything
//   return txn->Commit();
//
// Every write that a command makes is one transaction, so a failed import
// leaves the database as it was (docs/architecture.md). A Transaction rolls
// back in its destructor unless Commit() succeeded (as SQLiteCpp's does), so
// every early return on failure is safe by construction.
//
// Begin takes the write lock at once (BEGIN IMMEDIATE) rather than at the
// first write (BEGIN DEFERRED): a command that reads, then writes, would
// otherwise fail half-way with SQLITE_BUSY when another writer got in
// between, and the busy timeout cannot help a deferred transaction upgrade
// its lock.
//
// Ownership: a Transaction borrows the connection. REQUIRES: the Database
// outlives it. Transactions do not nest: Begin on a connection already in a
// transaction fails with kInternal. Move-only.
//
// Thread safety: none, like the Database.

#ifndef ONOMA_MEMORY_SQLITE_TRANSACTION_H_
#define ONOMA_MEMORY_SQLITE_TRANSACTION_H_

#include <optional>
#include <string>
#include <string_view>

#include "lib/util/status.h"

struct sqlite3;

namespace onoma::sqlite {

class Database;

class Transaction {
 public:
  // Starts a write transaction. Waits up to the database's busy timeout for
  // another writer, then fails with kDatabase ("cannot begin transaction:
  // database is locked ...").
  [[nodiscard]] static Result<Transaction> Begin(Database& db);

  // Like Begin, but does not wait: when another connection holds the
  // write lock, returns an empty optional at once. For work that can be
  // put off, such as bringing a derived index up to date before a read.
  [[nodiscard]] static Result<std::optional<Transaction>> TryBegin(
      Database& db);

  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction(Transaction&& other) noexcept;
  // Rolls back the transaction this one held, if any, then takes `other`'s.
  Transaction& operator=(Transaction&& other) noexcept;
  // Rolls back unless Commit() succeeded.
  ~Transaction();

  // Makes the writes durable and visible to other connections. On failure
  // (kDatabase, e.g. a deferred foreign key violated) the transaction has
  // been rolled back before Commit returns, so the database is as it was at
  // Begin. Either way the Transaction is finished afterwards. Calling it on
  // a finished Transaction returns kInternal.
  [[nodiscard]] Status Commit();

  // Discards the writes now rather than at destruction, to report a failure
  // of the rollback itself; after a failure the destructor tries again.
  // Calling it on a finished Transaction returns kInternal.
  [[nodiscard]] Status Rollback();

  // True until Commit() has run or Rollback() has succeeded.
  bool active() const { return db_ != nullptr; }

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}

  // Rolls back if SQLite has not already done so, ignoring failure: for the
  // destructor, which has no one to tell.
  void RollbackQuietly() noexcept;

  // The connection's handle rather than the Database, so that moving the
  // Database object does not leave the Transaction pointing at nothing;
  // null once finished.
  sqlite3* db_ = nullptr;
};

// ReadScope: one read snapshot for a group of statements.
//
//   sqlite::ReadScope scope(db, "lookup");
//   ... several SELECTs see the same database and take SQLite's file lock
//   once, not once per statement ...
//
// Each statement outside a transaction would take and drop the lock, a pair
// of system calls per statement, and could see a writer's commit between
// two of them. A savepoint rather than BEGIN, so that a caller's own
// transaction is joined rather than refused. If the savepoint cannot be
// taken the statements still run, each in its own snapshot.
//
// Ownership: borrows the connection; REQUIRES: the Database outlives it.
// Not movable. Thread safety: none, like the Database.
class ReadScope {
 public:
  // `name` names the savepoint: letters and underscores only.
  ReadScope(Database& db, std::string_view name);
  ~ReadScope();
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  Database& db_;
  std::string name_;
  bool open_ = false;
};

}  // namespace onoma::sqlite

#endif  // ONOMA_MEMORY_SQLITE_TRANSACTION_H_
