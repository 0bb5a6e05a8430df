// memory/store: the storage seam. The term store (and, engine by engine,
// the rest of memory/) talks to a database through these interfaces and
// never learns which engine holds it: a SQLite file (memory/sqlite/, the
// default) or a PostgreSQL database (memory/postgres/, for a desk's shared
// store; docs/shared-store.md).
//
//   #include "memory/store/connection.h"
//   #include "memory/store/open.h"
//   using namespace onoma;
//
//   // A path opens a SQLite file; a postgresql:// or postgres:// URI a
//   // PostgreSQL database, the URI going to libpq as it is.
//   Result<std::unique_ptr<store::Connection>> db =
//       store::Open("postgresql:///onoma?host=/run/pg", {});
//   if (!db.ok()) return db.status();
//
//   // Statements as memory/sqlite's: ?1, ?2 parameters bound from 1,
//   // columns read from 0, user text always bound, never spliced.
//   Result<store::Statement*> find = (*db)->Cached(
//       "SELECT id FROM concept WHERE slug = ?1", "find concept");
//   if (!find.ok()) return find.status();
//   ONOMA_RETURN_IF_ERROR((*find)->Bind(1, slug));
//   Result<bool> row = (*find)->Step();
//
//   // Writes in one transaction; the destructor rolls back.
//   Result<store::Transaction> txn = store::Transaction::Begin(**db);
//   ...
//   ONOMA_RETURN_IF_ERROR(txn->Commit());
//
// The SQL the seam carries is the dialect both engines read: ?N
// parameters (the PostgreSQL engine numbers them $N), INSERT ... ON
// CONFLICT DO NOTHING rather than INSERT OR IGNORE, RETURNING, LIMIT ?N,
// and strftime('%Y-%m-%dT%H:%M:%SZ', 'now') for the time now (a function
// of that name in the PostgreSQL schema gives the same text). Text columns
// compare and sort by code point on both (PostgreSQL's columns are COLLATE
// "C"), so the same query gives the same rows in the same order.
//
// Writers: Transaction::Begin takes the store's write lock, as SQLite's
// BEGIN IMMEDIATE does (on PostgreSQL a transaction-scoped advisory lock):
// one writer at a time, readers never blocked, and no deadlock or
// serialization failure can reach a caller.
//
// Errors: kDatabase naming what was being done and the engine's reason.
// Ownership: a Connection owns its engine's handle; Statements from
// Prepare are owned by the caller and must go before the Connection;
// pointers from Cached stay valid for the Connection's life. Thread
// safety: one thread at a time per Connection and its Statements.

#ifndef ONOMA_MEMORY_STORE_CONNECTION_H_
#define ONOMA_MEMORY_STORE_CONNECTION_H_

#include <concepts>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "lib/util/status.h"

namespace onoma::sqlite {
class Database;
}

namespace onoma::store {

enum class Engine : std::uint8_t { kSqlite, kPostgres };

// "sqlite" or "postgresql".
std::string_view Name(Engine engine);

// Whether `location` names a PostgreSQL database: a postgresql:// or
// postgres:// URI (libpq's own forms; docs/shared-store.md).
bool IsPostgresUri(std::string_view location);

// One prepared statement. Parameters are numbered from 1 and columns from
// 0, as memory/sqlite/statement.h's.
class Statement {
 public:
  virtual ~Statement() = default;

  // A failure (an index out of range, a statement still running: Reset()
  // first) returns kDatabase.
  [[nodiscard]] virtual Status BindInt64(int index, std::int64_t value) = 0;
  [[nodiscard]] virtual Status BindDouble(int index, double value) = 0;
  // Copied: `value` need not outlive the call.
  [[nodiscard]] virtual Status BindText(int index, std::string_view value) = 0;
  [[nodiscard]] virtual Status BindBlob(int index, std::string_view bytes) = 0;
  [[nodiscard]] virtual Status BindNull(int index) = 0;

  template <std::integral I>
  [[nodiscard]] Status Bind(int index, I value) {
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
      if (value > static_cast<std::make_unsigned_t<std::int64_t>>(
                      std::numeric_limits<std::int64_t>::max())) {
        return Status::BadArgument("integer " + std::to_string(value) +
                                   " is too large for the database");
      }
    }
    return BindInt64(index, static_cast<std::int64_t>(value));
  }
  [[nodiscard]] Status Bind(int index, double value) {
    return BindDouble(index, value);
  }
  [[nodiscard]] Status Bind(int index, std::string_view text) {
    return BindText(index, text);
  }
  [[nodiscard]] Status Bind(int index, std::nullopt_t) {
    return BindNull(index);
  }
  template <typename T>
  [[nodiscard]] Status Bind(int index, const std::optional<T>& value) {
    if (!value.has_value()) return BindNull(index);
    return Bind(index, *value);
  }

  // Sets every parameter back to NULL.
  virtual void ClearBindings() = 0;

  // True when a row is ready, false when the statement has finished; a
  // failure returns kDatabase, after which Reset() before reuse.
  [[nodiscard]] virtual Result<bool> Step() = 0;
  // Runs to the end, ignoring rows.
  [[nodiscard]] virtual Status Run() = 0;
  // Rewinds, keeping the bindings.
  virtual void Reset() = 0;

  // REQUIRES: the last Step() returned true. A column out of range reads
  // as NULL; NULL reads as 0 or "". A boolean column reads as 1 or 0.
  virtual int ColumnCount() const = 0;
  virtual bool ColumnIsNull(int column) const = 0;
  virtual std::int64_t ColumnInt64(int column) const = 0;
  virtual double ColumnDouble(int column) const = 0;
  std::string ColumnText(int column) const {
    return std::string(ColumnTextView(column));
  }
  // Valid until the next Step(), Reset() or the statement's end.
  virtual std::string_view ColumnTextView(int column) const = 0;
  virtual std::string_view ColumnBlob(int column) const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Engine engine() const = 0;
  // The database for messages: a path, or a URI without its password.
  virtual std::string name() const = 0;
  // Whether writes are refused.
  virtual bool read_only() const = 0;

  // Runs a fixed script of one or more statements, discarding rows. Never
  // SQL built from user text.
  [[nodiscard]] virtual Status Exec(
      std::string_view sql, std::string_view purpose = "run SQL script") = 0;
  // Compiles one statement; the caller owns it.
  [[nodiscard]] virtual Result<std::unique_ptr<Statement>> Prepare(
      std::string_view sql, std::string_view purpose) = 0;
  // Compiled once per connection and kept, for hot paths; returned reset
  // and with bindings cleared. `sql` is fixed text from code (the cache is
  // keyed by it and never evicts). Do not nest two uses of one statement.
  [[nodiscard]] virtual Result<Statement*> Cached(std::string_view sql,
                                                  std::string_view purpose) = 0;

  // The id the last INSERT gave its row (a table's `id` column), and the
  // rows the last INSERT, UPDATE or DELETE changed.
  [[nodiscard]] virtual Result<std::int64_t> LastInsertId() = 0;
  virtual std::int64_t Changes() const = 0;

  // Before a large write in one transaction (SQLite: a larger page cache).
  [[nodiscard]] virtual Status PrepareBulkWrite() { return Status::Ok(); }
  // Whether dropping an index for a bulk write and building it again is
  // cheap and private to the writer. Not on a server, where the drop would
  // lock every reader out of the table until the writer commits.
  virtual bool drops_indexes_for_bulk_writes() const { return true; }

  // Whether CopyIn works: a server, where a statement per row is a round
  // trip and rows are better sent in bulk.
  virtual bool copies_rows() const { return false; }
  // Sends `rows` (PostgreSQL's COPY text format: tab-separated, \N for
  // NULL, backslash escapes, one row a line) to `target`, "table
  // (column, ...)", inside the open transaction. kInternal where
  // copies_rows() is false.
  [[nodiscard]] virtual Status CopyIn(std::string_view target,
                                      std::string_view rows) {
    (void)target;
    (void)rows;
    return Status::Internal("this engine takes rows one statement at a time");
  }

  // The SQLite database under this connection, for code that still talks
  // to SQLite alone (the translation memory); null on another engine.
  virtual sqlite::Database* sqlite() { return nullptr; }

 protected:
  friend class Transaction;
  friend class Savepoint;
  friend class ReadScope;
  // Transaction's primitives: BEGIN with the write lock, COMMIT, ROLLBACK.
  [[nodiscard]] virtual Status BeginWrite() = 0;
  // BEGIN with the write lock when no other writer holds it: false (and no
  // transaction) when one does, or on a read-only database.
  [[nodiscard]] virtual Result<bool> TryBeginWrite() = 0;
  [[nodiscard]] virtual Status CommitWrite() = 0;
  [[nodiscard]] virtual Status RollbackWrite() = 0;
  // Savepoint's; no-ops where a failed statement leaves the transaction
  // usable (SQLite).
  [[nodiscard]] virtual Status SetSavepoint() { return Status::Ok(); }
  [[nodiscard]] virtual Status ReleaseSavepoint() { return Status::Ok(); }
  [[nodiscard]] virtual Status RollbackToSavepoint() { return Status::Ok(); }
  // ReadScope's: one snapshot for the statements until EndRead; joined
  // when a transaction is already open. Whether a scope was begun.
  virtual bool BeginRead() = 0;
  virtual void EndRead() = 0;
};

// All of a command's writes, or none: rolls back in its destructor unless
// Commit() succeeded. Begin waits for another writer up to the store's
// busy timeout. Transactions do not nest. Move-only; REQUIRES: the
// Connection outlives it.
class Transaction {
 public:
  [[nodiscard]] static Result<Transaction> Begin(Connection& db);
  // Begin without waiting: nullopt when another writer holds the lock, or
  // the database is read-only.
  [[nodiscard]] static Result<std::optional<Transaction>> TryBegin(
      Connection& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) {
    other.db_ = nullptr;
  }
  Transaction& operator=(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes the writes durable and visible; on failure they are rolled back.
  [[nodiscard]] Status Commit();
  [[nodiscard]] Status Rollback();
  bool active() const { return db_ != nullptr; }

 private:
  explicit Transaction(Connection* db) : db_(db) {}
  Connection* db_ = nullptr;
};

// Lets a transaction go on after a statement fails: PostgreSQL aborts the
// whole transaction on any error unless a savepoint was set before the
// statement; SQLite does not, and there this costs nothing. Not movable.
//
//   store::Savepoint guard(db);
//   ONOMA_RETURN_IF_ERROR(guard.status());
//   Status inserted = insert->Run();
//   if (!inserted.ok()) { ONOMA_RETURN_IF_ERROR(guard.Undo()); ... }
//   else ONOMA_RETURN_IF_ERROR(guard.Release());
class Savepoint {
 public:
  explicit Savepoint(Connection& db) : db_(db), status_(db.SetSavepoint()) {}
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  // Whether the savepoint was set.
  const Status& status() const { return status_; }
  // Keeps what was done since the savepoint.
  [[nodiscard]] Status Release();
  // Undoes what was done since the savepoint; the transaction goes on.
  [[nodiscard]] Status Undo();

 private:
  Connection& db_;
  Status status_;
  bool open_ = true;
};

// One read snapshot for a group of statements (a lookup's watermark, its
// postings and the units above it), so that a writer committing meanwhile
// can neither hide a row nor show it twice: SQLite's savepoint, a
// PostgreSQL REPEATABLE READ READ ONLY transaction. Inside a transaction,
// it joins it. If the scope cannot be begun the statements still run,
// each in its own snapshot. Not movable; REQUIRES: the Connection
// outlives it.
class ReadScope {
 public:
  explicit ReadScope(Connection& db) : db_(db), open_(db.BeginRead()) {}
  ~ReadScope() {
    if (open_) db_.EndRead();
  }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  Connection& db_;
  bool open_;
};

}  // namespace onoma::store

#endif  // ONOMA_MEMORY_STORE_CONNECTION_H_
