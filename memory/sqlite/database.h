// Database: one connection to an onoma SQLite file.
//
//   onoma::Result<Database> db = Database::Open("/home/ana/onoma.db");
//   if (!db.ok()) return db.status();  // kDatabase, e.g. "cannot open
//                                      // database /x/y.db: unable to open
//                                      // database file"
//   ONOMA_RETURN_IF_ERROR(db->Exec("CREATE TEMP TABLE seen(form TEXT)"));
//
// Open configures every connection the same way (busy timeout, foreign keys,
// WAL, synchronous=NORMAL) and brings the schema up to date with the
// migrations compiled into the binary, so that code above this layer never
// sees a connection set up differently or an old schema. See
// memory/sqlite/sqlite.h for the whole component.
//
// Ownership: a Database owns its sqlite3 handle and its cache of prepared
// statements; both go when it is destroyed. It is move-only.
// REQUIRES: Statements from Prepare() are destroyed before their Database;
// pointers from Cached() are not used after it.
//
// Thread safety: none. A Database and its Statements are used by one thread
// at a time; a thread that needs its own connection opens one. Several
// connections, in one process or many, may share a file: WAL lets readers
// proceed beside one writer, and a second writer waits up to the busy
// timeout and then fails with kDatabase ("database is locked").

#ifndef ONOMA_MEMORY_SQLITE_DATABASE_H_
#define ONOMA_MEMORY_SQLITE_DATABASE_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "lib/util/status.h"
#include "memory/sqlite/statement.h"

// Forward declarations keep <sqlite3.h> out of every file that includes us.
struct sqlite3;

namespace onoma::sqlite {

namespace internal {
struct BusyState;
}

// How long a job that writes in batches (an index build) pauses between
// them. The busy handler retries at least every 10 ms, so a writer waiting
// for the lock gets it in the pause, rather than wait for the whole job.
inline constexpr std::chrono::milliseconds kPauseBetweenBatches{20};

struct OpenOptions {
  // Open for reading only. Writes then fail with kDatabase; migrations are
  // not applied, and a database whose schema is older or newer than this
  // binary's is refused. A file that this process may not write (its
  // permissions, a read-only file system) is opened so whatever this says.
  // A database in WAL mode whose directory is read-only and which has no
  // -shm file (docs/architecture.md, "Read-only databases") is opened as
  // immutable: SQLite then takes no locks, which is safe only because no
  // one can write there either. Default: false.
  bool read_only = false;

  // Create the file when it does not exist. Its directory must exist: Open
  // never creates directories (see EnsureParentDirectory in db_path.h for
  // the default location, the one place where onoma does). Ignored when
  // read_only. Default: true.
  bool create = true;

  // Apply the embedded schema migrations (memory/schema/) on open, and
  // refuse a database made by a newer onoma. Turned off only by tests and
  // tools that manage the schema themselves. Default: true.
  bool migrate = true;

  // How long a statement waits for another connection's lock before it
  // fails with "database is locked". Default: 30 s, enough to ride out
  // another onoma's import commit or one batch of an index build (each a
  // short transaction of its own, memory/tm/tm_index.h).
  std::chrono::milliseconds busy_timeout{30000};

  // Called once per connection, from inside SQLite, when a statement has
  // waited about a second for another connection's lock: for a "waiting
  // for the database" line on a terminal. May be empty. It must not use
  // the Database.
  std::function<void()> on_busy_wait;
};

class Database {
 public:
  // Opens (and by default creates) the database at `path`; ":memory:" opens
  // a private in-memory database. On success the connection has
  //   - the busy timeout of `options`,
  //   - PRAGMA foreign_keys=ON,
  //   - PRAGMA journal_mode=WAL (not for :memory:, nor read-only),
  //   - PRAGMA synchronous=NORMAL (safe under WAL: a power cut can lose the
  //     last commits but never corrupts the file),
  //   - the schema migrated to this binary's latest version (options.migrate).
  // Failure returns kDatabase with the path and SQLite's reason, e.g.
  // "cannot open database /x/y.db: unable to open database file (directory
  // /x does not exist)", or "database /p/x.db was made by a newer onoma
  // (schema version 7; this onoma knows up to 3); upgrade onoma".
  [[nodiscard]] static Result<Database> Open(const std::filesystem::path& path,
                                             OpenOptions options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  ~Database();

  // Runs a script of one or more SQL statements, discarding any rows: for
  // schema scripts and fixed statements. Never pass SQL built from user
  // text; bind it through Prepare(). Failure returns kDatabase naming
  // `purpose` (a verb phrase, e.g. "apply migration 0002_terms.sql");
  // statements before the failing one stay applied unless a Transaction
  // rolls them back.
  [[nodiscard]] Status Exec(std::string_view sql,
                            std::string_view purpose = "run SQL script");

  // Compiles one SQL statement. `purpose` is a short verb phrase ("add
  // term", "find concept by form") used in every error the statement
  // reports. Failure (a syntax error, a missing table) returns kDatabase,
  // with the SQL as the Status snippet. The caller owns the Statement.
  [[nodiscard]] Result<Statement> Prepare(std::string_view sql,
                                          std::string_view purpose);

  // Like Prepare, but compiled once per connection and kept for reuse: for
  // statements on hot paths (a lookup per word of an article). Each call
  // returns the statement reset and with its bindings cleared. Keyed by the
  // SQL text, which must therefore be fixed text from code, never built at
  // run time: the cache has no eviction, so that the pointers it hands out
  // stay valid for the life of the Database. The Database owns the
  // Statement. Calling Cached() again with the same SQL resets the
  // statement, so do not nest two uses of one statement.
  [[nodiscard]] Result<Statement*> Cached(std::string_view sql,
                                          std::string_view purpose);

  // The rowid of the last successful INSERT on this connection.
  std::int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  int Changes() const;

  // Whether writes are refused: opened with read_only, or a file this
  // process may not write.
  bool read_only() const;

  // The busy timeout Open set (OpenOptions::busy_timeout).
  std::chrono::milliseconds busy_timeout() const;

  // With false, a statement that meets another connection's lock fails at
  // once with "database is locked" instead of waiting up to the busy
  // timeout: for work that had better be skipped than wait, such as
  // bringing a derived index up to date before a read. Default: true.
  void set_wait_for_locks(bool wait);

  // Calls `handler(context)` every `steps` virtual-machine steps of a
  // statement on this connection; when it returns non-zero the statement
  // stops with SQLITE_INTERRUPT (a kDatabase failure). A null handler
  // removes it. `context` must outlive the handler's installation.
  void SetProgressHandler(int steps, int (*handler)(void*), void* context);

  // The path given to Open, for messages.
  const std::filesystem::path& path() const { return path_; }
  // The underlying handle, for what this class does not wrap. Still owned by
  // the Database.
  sqlite3* handle() const { return db_; }

 private:
  Database(sqlite3* db, std::filesystem::path path);

  // Installs the busy handler of `options` on db_.
  void WaitForLocks(const OpenOptions& options);

  // Finalizes cached statements, then closes the handle.
  void Close();

  // Lets Cached() look up by string_view without building a std::string
  // on every call of a hot path.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const;
  };

  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  // What SQLite's busy handler reads; at a fixed address, as SQLite keeps a
  // pointer to it, so that moving the Database leaves it valid.
  std::unique_ptr<internal::BusyState> busy_;
  // unique_ptr values keep the Statements at fixed addresses as the map
  // grows, so the pointers Cached() hands out stay valid.
  std::unordered_map<std::string, std::unique_ptr<Statement>, StringHash,
                     std::equal_to<>>
      cache_;
};

}  // namespace onoma::sqlite

#endif  // ONOMA_MEMORY_SQLITE_DATABASE_H_
