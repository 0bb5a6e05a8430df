#include "memory/store/sqlite_connection.h"

#include <utility>

#include "memory/sqlite/statement.h"

namespace onoma::store {

class SqliteStatement final : public Statement {
 public:
  // Borrows a cached statement.
  explicit SqliteStatement(sqlite::Statement* s) : s_(s) {}
  // Owns a prepared one.
  explicit SqliteStatement(sqlite::Statement&& s)
      : owned_(std::move(s)), s_(&*owned_) {}

  Status BindInt64(int index, std::int64_t value) override {
    return s_->BindInt64(index, value);
  }
  Status BindDouble(int index, double value) override {
    return s_->BindDouble(index, value);
  }
  Status BindText(int index, std::string_view value) override {
    return s_->BindText(index, value);
  }
  Status BindBlob(int index, std::string_view bytes) override {
    return s_->BindBlob(index, bytes);
  }
  Status BindNull(int index) override { return s_->BindNull(index); }
  void ClearBindings() override { s_->ClearBindings(); }
  Result<bool> Step() override { return s_->Step(); }
  Status Run() override { return s_->Run(); }
  void Reset() override { s_->Reset(); }
  int ColumnCount() const override { return s_->ColumnCount(); }
  bool ColumnIsNull(int column) const override {
    return s_->ColumnIsNull(column);
  }
  std::int64_t ColumnInt64(int column) const override {
    return s_->ColumnInt64(column);
  }
  double ColumnDouble(int column) const override {
    return s_->ColumnDouble(column);
  }
  std::string_view ColumnTextView(int column) const override {
    return s_->ColumnTextView(column);
  }
  std::string_view ColumnBlob(int column) const override {
    return s_->ColumnBlob(column);
  }

 private:
  std::optional<sqlite::Statement> owned_;
  sqlite::Statement* s_;
};

SqliteConnection::SqliteConnection(sqlite::Database& db) : db_(&db) {}

SqliteConnection::SqliteConnection(sqlite::Database&& db)
    : owned_(std::make_unique<sqlite::Database>(std::move(db))),
      db_(owned_.get()) {}

SqliteConnection::~SqliteConnection() {
  // Before the Database it borrows or owns goes.
  read_.reset();
  txn_.reset();
  cached_.clear();
}

std::string SqliteConnection::name() const { return db_->path().string(); }

bool SqliteConnection::read_only() const { return db_->read_only(); }

Status SqliteConnection::Exec(std::string_view sql, std::string_view purpose) {
  return db_->Exec(sql, purpose);
}

Result<std::unique_ptr<Statement>> SqliteConnection::Prepare(
    std::string_view sql, std::string_view purpose) {
  auto s = db_->Prepare(sql, purpose);
  if (!s.ok()) return s.status();
  return std::unique_ptr<Statement>(
      std::make_unique<SqliteStatement>(std::move(*s)));
}

Result<Statement*> SqliteConnection::Cached(std::string_view sql,
                                            std::string_view purpose) {
  auto s = db_->Cached(sql, purpose);
  if (!s.ok()) return s.status();
  auto& face = cached_[*s];
  if (face == nullptr) face = std::make_unique<SqliteStatement>(*s);
  return face.get();
}

Result<std::int64_t> SqliteConnection::LastInsertId() {
  return db_->LastInsertRowId();
}

std::int64_t SqliteConnection::Changes() const { return db_->Changes(); }

Status SqliteConnection::PrepareBulkWrite() {
  // A whole termbase or memory is one transaction; with SQLite's default
  // 2 MB page cache its index pages would spill to disk again and again,
  // and the sorts that rebuild indexes would go through temporary files.
  // 64 MB holds most of a 100k-concept import (bench/terms_bench.cc) and
  // bounds memory whatever the file's size.
  return db_->Exec("PRAGMA cache_size = -65536", "enlarge the page cache");
}

Status SqliteConnection::BeginWrite() {
  auto txn = sqlite::Transaction::Begin(*db_);
  if (!txn.ok()) return txn.status();
  txn_.emplace(std::move(*txn));
  return Status::Ok();
}

Result<bool> SqliteConnection::TryBeginWrite() {
  if (db_->read_only()) return false;
  auto txn = sqlite::Transaction::TryBegin(*db_);
  if (!txn.ok()) return txn.status();
  if (!txn->has_value()) return false;
  txn_.emplace(std::move(**txn));
  return true;
}

bool SqliteConnection::BeginRead() {
  if (read_) return false;
  read_.emplace(*db_, "onoma_read");
  return true;
}

void SqliteConnection::EndRead() { read_.reset(); }

Status SqliteConnection::CommitWrite() {
  if (!txn_) {
    return Status::Internal("cannot commit transaction: none is open");
  }
  Status done = txn_->Commit();
  txn_.reset();
  return done;
}

Status SqliteConnection::RollbackWrite() {
  if (!txn_) return Status::Ok();
  Status done = txn_->Rollback();
  txn_.reset();
  return done;
}

}  // namespace onoma::store
