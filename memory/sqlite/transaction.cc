#include "memory/sqlite/transaction.h"

#include <sqlite3.h>

#include <string>
#include <utility>

#include "memory/sqlite/database.h"
#include "memory/sqlite/error_internal.h"

namespace onoma::sqlite {

Result<Transaction> Transaction::Begin(Database& db) {
  sqlite3* handle = db.handle();
  const std::string doing = "begin transaction on " + db.path().string();
  if (handle == nullptr) {
    return Status::Internal("cannot " + doing + ": the database is closed");
  }
  // SQLite would say "cannot start a transaction within a transaction";
  // saying that nesting is not supported points at the real bug.
  if (sqlite3_get_autocommit(handle) == 0) {
    return Status::Internal("cannot " + doing +
                            ": a transaction is already open on this "
                            "connection, and transactions do not nest");
  }
  const int rc =
      sqlite3_exec(handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return internal::ErrorFrom(handle, rc, doing);
  return Transaction(handle);
}

Result<std::optional<Transaction>> Transaction::TryBegin(Database& db) {
  db.set_wait_for_locks(false);
  Result<Transaction> begun = Begin(db);
  db.set_wait_for_locks(true);
  if (begun.ok()) return std::optional<Transaction>(std::move(*begun));
  const int code = sqlite3_extended_errcode(db.handle()) & 0xff;
  if (begun.status().code() == StatusCode::kDatabase &&
      (code == SQLITE_BUSY || code == SQLITE_LOCKED)) {
    return std::optional<Transaction>();
  }
  return begun.status();
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

Transaction& Transaction::operator=(Transaction&& other) noexcept {
  if (this != &other) {
    RollbackQuietly();
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Transaction::~Transaction() { RollbackQuietly(); }

void Transaction::RollbackQuietly() noexcept {
  // SQLite rolls back by itself after some failures (a full disk, an I/O
  // error); a second ROLLBACK would only fail with "no transaction is
  // active".
  if (db_ != nullptr && sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  db_ = nullptr;
}

Status Transaction::Commit() {
  if (db_ == nullptr) {
    return Status::Internal(
        "cannot commit transaction: it has already been committed or rolled "
        "back");
  }
  const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    Status error = internal::ErrorFrom(db_, rc, "commit transaction");
    // After a failed COMMIT the transaction may still be open (a busy
    // database); ending it here keeps "as it was at Begin" true at once,
    // not only when the destructor runs.
    RollbackQuietly();
    return error;
  }
  db_ = nullptr;
  return Status::Ok();
}

Status Transaction::Rollback() {
  if (db_ == nullptr) {
    return Status::Internal(
        "cannot roll back transaction: it has already been committed or "
        "rolled back");
  }
  if (sqlite3_get_autocommit(db_) == 0) {
    const int rc = sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      return internal::ErrorFrom(db_, rc, "roll back transaction");
    }
  }
  db_ = nullptr;
  return Status::Ok();
}

ReadScope::ReadScope(Database& db, std::string_view name)
    : db_(db), name_(name) {
  open_ = db_.Exec("SAVEPOINT " + name_, "begin a read").ok();
}

ReadScope::~ReadScope() {
  if (open_) (void)db_.Exec("RELEASE " + name_, "end a read");
}

}  // namespace onoma::sqlite
