#include "memory/store/connection.h"

#include <utility>

namespace onoma::store {

std::string_view Name(Engine engine) {
  switch (engine) {
    case Engine::kSqlite:
      return "sqlite";
    case Engine::kPostgres:
      return "postgresql";
  }
  return "sqlite";
}

bool IsPostgresUri(std::string_view location) {
  return location.starts_with("postgresql://") ||
         location.starts_with("postgres://");
}

Result<Transaction> Transaction::Begin(Connection& db) {
  ONOMA_RETURN_IF_ERROR(db.BeginWrite());
  return Transaction(&db);
}

Result<std::optional<Transaction>> Transaction::TryBegin(Connection& db) {
  auto begun = db.TryBeginWrite();
  if (!begun.ok()) return begun.status();
  if (!*begun) return std::optional<Transaction>();
  return std::optional<Transaction>(Transaction(&db));
}

Transaction& Transaction::operator=(Transaction&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) (void)db_->RollbackWrite();
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->RollbackWrite();
}

Status Transaction::Commit() {
  if (db_ == nullptr) {
    return Status::Internal(
        "cannot commit transaction: it has already been committed or rolled "
        "back");
  }
  Connection* db = std::exchange(db_, nullptr);
  return db->CommitWrite();
}

Status Transaction::Rollback() {
  if (db_ == nullptr) {
    return Status::Internal(
        "cannot roll back transaction: it has already been committed or "
        "rolled back");
  }
  ONOMA_RETURN_IF_ERROR(db_->RollbackWrite());
  db_ = nullptr;
  return Status::Ok();
}

Savepoint::~Savepoint() {
  if (open_ && status_.ok()) (void)db_.RollbackToSavepoint();
}

Status Savepoint::Release() {
  if (!open_ || !status_.ok()) return status_;
  open_ = false;
  return db_.ReleaseSavepoint();
}

Status Savepoint::Undo() {
  if (!open_ || !status_.ok()) return status_;
  open_ = false;
  return db_.RollbackToSavepoint();
}

}  // namespace onoma::store
