// Tests of memory/sqlite/transaction.h: commit, rollback on destruction and
// on failure, and a second writer that gives up on a busy database.

#include "memory/sqlite/transaction.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "tests/sqlite/sqlite_test_util.h"

namespace onoma::sqlite {
namespace {

using ::onoma::sqlite::testing::QueryInt;
using ::onoma::sqlite::testing::QueryText;
using ::onoma::sqlite::testing::TempDir;

Status AddNote(Database& db, std::string_view key, std::string_view value) {
  Result<Statement> insert =
      db.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)", "add note");
  if (!insert.ok()) return insert.status();
  ONOMA_RETURN_IF_ERROR(insert->Bind(1, key));
  ONOMA_RETURN_IF_ERROR(insert->Bind(2, value));
  return insert->Run();
}

std::int64_t CountNotes(Database& db) {
  return QueryInt(db, "SELECT count(*) FROM meta WHERE key LIKE 'note%'");
}

// What a command looks like: one transaction, early return on failure.
Status ImportNotes(Database& db, bool fail_half_way) {
  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  ONOMA_RETURN_IF_ERROR(AddNote(db, "note1", "Київ"));
  ONOMA_RETURN_IF_ERROR(AddNote(db, "note2", "서울"));
  // A duplicate key: the import's second half fails.
  if (fail_half_way) ONOMA_RETURN_IF_ERROR(AddNote(db, "note1", "again"));
  return transaction->Commit();
}

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("onoma.db");
    Result<Database> db = Database::Open(path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(*db));
  }

  Database Reopen() {
    db_.reset();
    Result<Database> db = Database::Open(path_);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(*db);
  }

  TempDir dir_;
  std::filesystem::path path_;
  std::optional<Database> db_;
};

TEST_F(TransactionTest, CommitPersistsAcrossReopen) {
  ONOMA_ASSERT_OK(ImportNotes(*db_, /*fail_half_way=*/false));
  Database db = Reopen();
  EXPECT_EQ(CountNotes(db), 2);
  EXPECT_EQ(QueryText(db, "SELECT value FROM meta WHERE key = 'note2'"),
            "서울");
}

TEST_F(TransactionTest, FailureRollsBackEverything) {
  Status status = ImportNotes(*db_, /*fail_half_way=*/true);
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "cannot add note: UNIQUE constraint failed: meta.key");
  EXPECT_EQ(CountNotes(*db_), 0);
  Database db = Reopen();
  EXPECT_EQ(CountNotes(db), 0);
}

TEST_F(TransactionTest, DestructorRollsBackUncommittedWrites) {
  {
    Result<Transaction> transaction = Transaction::Begin(*db_);
    ONOMA_ASSERT_OK(transaction.status());
    EXPECT_TRUE(transaction->active());
    ONOMA_ASSERT_OK(AddNote(*db_, "note1", "Одеса"));
    EXPECT_EQ(CountNotes(*db_), 1);  // visible inside the transaction
  }
  EXPECT_EQ(CountNotes(*db_), 0);
  // The connection is usable again: no transaction was left open.
  Result<Transaction> next = Transaction::Begin(*db_);
  ONOMA_EXPECT_OK(next.status());
}

TEST_F(TransactionTest, ExplicitRollbackDiscards) {
  Result<Transaction> transaction = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(transaction.status());
  ONOMA_ASSERT_OK(AddNote(*db_, "note1", "x"));
  ONOMA_ASSERT_OK(transaction->Rollback());
  EXPECT_FALSE(transaction->active());
  EXPECT_EQ(CountNotes(*db_), 0);
  EXPECT_EQ(transaction->Rollback().code(), StatusCode::kInternal);
  EXPECT_EQ(transaction->Commit().code(), StatusCode::kInternal);
}

TEST_F(TransactionTest, CommitTwiceIsInternal) {
  Result<Transaction> transaction = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(transaction.status());
  ONOMA_ASSERT_OK(transaction->Commit());
  EXPECT_FALSE(transaction->active());
  EXPECT_EQ(transaction->Commit().code(), StatusCode::kInternal);
}

TEST_F(TransactionTest, TransactionsDoNotNest) {
  Result<Transaction> outer = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(outer.status());
  Result<Transaction> inner = Transaction::Begin(*db_);
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.status().code(), StatusCode::kInternal);
  // The failed Begin did not end the outer transaction.
  ONOMA_ASSERT_OK(AddNote(*db_, "note1", "x"));
  ONOMA_EXPECT_OK(outer->Commit());
  EXPECT_EQ(CountNotes(*db_), 1);
}

TEST_F(TransactionTest, MoveHandsOverTheTransaction) {
  Result<Transaction> begun = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(begun.status());
  ONOMA_ASSERT_OK(AddNote(*db_, "note1", "x"));
  Transaction owner = std::move(*begun);
  {
    Transaction moved_from = std::move(owner);
    owner =
        std::move(moved_from);  // and back; the empty one rolls back nothing
  }
  EXPECT_TRUE(owner.active());
  ONOMA_ASSERT_OK(owner.Commit());
  EXPECT_EQ(CountNotes(*db_), 1);
}

TEST_F(TransactionTest, MoveAssignRollsBackTheOldTransaction) {
  Result<Transaction> first = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(first.status());
  ONOMA_ASSERT_OK(AddNote(*db_, "note1", "x"));
  Transaction holder = std::move(*first);

  Result<Database> other_db = Database::Open(dir_.File("other.db"));
  ONOMA_ASSERT_OK(other_db.status());
  Result<Transaction> second = Transaction::Begin(*other_db);
  ONOMA_ASSERT_OK(second.status());
  holder = std::move(*second);
  EXPECT_EQ(CountNotes(*db_), 0);
  ONOMA_ASSERT_OK(AddNote(*other_db, "note1", "y"));
  ONOMA_ASSERT_OK(holder.Commit());
  EXPECT_EQ(CountNotes(*other_db), 1);
}

TEST_F(TransactionTest, FailedCommitRollsBack) {
  // A deferred foreign key is checked only at COMMIT.
  ONOMA_ASSERT_OK(
      db_->Exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                "CREATE TABLE child (parent_id INTEGER REFERENCES parent(id)"
                "                    DEFERRABLE INITIALLY DEFERRED);"));
  Result<Transaction> transaction = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(transaction.status());
  ONOMA_ASSERT_OK(db_->Exec("INSERT INTO child VALUES (99)"));
  ONOMA_ASSERT_OK(AddNote(*db_, "note1", "x"));
  Status status = transaction->Commit();
  EXPECT_EQ(status.code(), StatusCode::kDatabase);
  EXPECT_EQ(status.message(),
            "cannot commit transaction: FOREIGN KEY constraint failed");
  EXPECT_FALSE(transaction->active());
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM child"), 0);
  EXPECT_EQ(CountNotes(*db_), 0);
  ONOMA_EXPECT_OK(Transaction::Begin(*db_).status());
}

TEST_F(TransactionTest, BusyDatabaseFailsAfterTheTimeout) {
  // The first connection holds the write lock...
  Result<Transaction> holder = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(holder.status());
  ONOMA_ASSERT_OK(AddNote(*db_, "note1", "held"));

  // ...and a second one, with a short timeout, waits and gives up.
  OpenOptions options;
  options.busy_timeout = std::chrono::milliseconds(200);
  Result<Database> second = Database::Open(path_, options);
  ONOMA_ASSERT_OK(second.status());   // opening and reading need no write lock
  EXPECT_EQ(CountNotes(*second), 0);  // WAL: readers see the last commit

  const auto start = std::chrono::steady_clock::now();
  Result<Transaction> blocked = Transaction::Begin(*second);
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), StatusCode::kDatabase);
  EXPECT_EQ(blocked.status().message(),
            "cannot begin transaction on " + path_.string() +
                ": database is locked (another connection is using it and did "
                "not finish within the busy timeout; try again when it is "
                "done)");
  EXPECT_GE(waited, std::chrono::milliseconds(150));

  // A write outside a transaction is refused the same way.
  Status write = AddNote(*second, "note2", "refused");
  EXPECT_EQ(write.code(), StatusCode::kDatabase);
  EXPECT_NE(write.message().find("database is locked"), std::string::npos)
      << write.ToString();

  // Once the first commits, the second can write.
  ONOMA_ASSERT_OK(holder->Commit());
  Result<Transaction> now = Transaction::Begin(*second);
  ONOMA_ASSERT_OK(now.status());
  ONOMA_ASSERT_OK(AddNote(*second, "note2", "after"));
  ONOMA_ASSERT_OK(now->Commit());
  EXPECT_EQ(CountNotes(*db_), 2);
}

TEST_F(TransactionTest, TryBeginDoesNotWaitForAnotherWriter) {
  Result<Transaction> holder = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(holder.status());
  // A timeout far beyond the test's own: a TryBegin that waited would hang.
  OpenOptions options;
  options.busy_timeout = std::chrono::hours(1);
  Result<Database> second = Database::Open(path_, options);
  ONOMA_ASSERT_OK(second.status());
  Result<std::optional<Transaction>> tried = Transaction::TryBegin(*second);
  ONOMA_ASSERT_OK(tried.status());
  EXPECT_FALSE(tried->has_value());

  ONOMA_ASSERT_OK(holder->Commit());
  tried = Transaction::TryBegin(*second);
  ONOMA_ASSERT_OK(tried.status());
  ASSERT_TRUE(tried->has_value());
  ONOMA_ASSERT_OK(AddNote(*second, "note", "written"));
  ONOMA_ASSERT_OK((*tried)->Commit());
  EXPECT_EQ(CountNotes(*db_), 1);
}

TEST_F(TransactionTest, WaitingForALockIsToldOnce) {
  Result<Transaction> holder = Transaction::Begin(*db_);
  ONOMA_ASSERT_OK(holder.status());
  int told = 0;
  OpenOptions options;
  options.busy_timeout = std::chrono::milliseconds(1500);
  options.on_busy_wait = [&told] { ++told; };
  Result<Database> second = Database::Open(path_, options);
  ONOMA_ASSERT_OK(second.status());
  EXPECT_FALSE(Transaction::Begin(*second).ok());
  EXPECT_FALSE(Transaction::Begin(*second).ok());
  EXPECT_EQ(told, 1);
}

}  // namespace
}  // namespace onoma::sqlite
